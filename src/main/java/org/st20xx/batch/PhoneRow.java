package org.st20xx.batch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Load;
import org.st20xx.plan.Target;

/**
 * One phone of a batch CSV, validated. {@code line} is the CSV line it came from; {@code raw} is
 * the row as written, for failed.csv.
 */
public record PhoneRow(int line, String ip, Optional<Integer> port, Optional<Integer> webPort, Optional<String> model,
        Optional<Load> from, Target target, Optional<Path> credentials, Map<String, String> raw) {
    public PhoneRow {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(webPort, "webPort");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(credentials, "credentials");
        raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    /** {@code ip}, or {@code ip:port} when the row gives a port: the phone as the CSV names it. */
    public String label() {
        return ip + port.map(p -> ":" + p).orElse("");
    }

    /** {@code ip:port} with the given default port. */
    public String phone(int defaultPort) {
        return ip + ":" + port.orElse(defaultPort);
    }
}
