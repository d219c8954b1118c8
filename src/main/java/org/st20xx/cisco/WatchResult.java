package org.st20xx.cisco;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Load;

/**
 * How a watch ended: the phone reached the target ({@code converted}), failed a hop
 * ({@code failed}: what went wrong in {@code error}, and what {@code st20xx lint} finds in the TFTP
 * root in {@code hints}), or did not get there in time ({@code timeout}).
 *
 * @param runs the load the phone is known to run: the last hop it finished, else where it started
 */
public record WatchResult(Status status, String model, MacAddress mac, Load from, Load target, Load runs,
        List<HopReport> hops, Optional<String> error, List<String> hints, Duration took) {

    public enum Status {
        CONVERTED, FAILED, TIMEOUT;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One hop as the watcher saw it, with every request the phone made meanwhile. */
    public record HopReport(int number, Load from, Load to, String image, HopStatus status, List<Seen> requests,
            Duration took) {
        public HopReport {
            requests = List.copyOf(requests);
        }
    }

    public enum HopStatus {
        DONE, FAILED, UNFINISHED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A request of the phone: the file, how it ended ({@code COMPLETE}, {@code NOT_FOUND}, ...), the
     * bytes it got, and what the file is to the hop ({@code boot}, {@code image} or {@code other}).
     */
    public record Seen(String client, String file, String outcome, long bytes, String role) {
    }

    public WatchResult {
        Objects.requireNonNull(status, "status");
        hops = List.copyOf(hops);
        hints = List.copyOf(hints);
    }

    public boolean converted() {
        return status == Status.CONVERTED;
    }
}
