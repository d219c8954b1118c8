package org.st20xx.convert;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.st20xx.plan.Hop;

/**
 * Prints one line per event, with the time since the start, for a technician following one
 * conversion live (or a log without a terminal).
 */
public final class ProgressPrinter implements ConversionListener {
    private final PrintWriter out;
    private final Clock clock;
    private final Instant start;
    private final boolean showPhone;

    public ProgressPrinter(PrintWriter out, Clock clock, boolean showPhone) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
        this.showPhone = showPhone;
    }

    @Override
    public void on(ConversionEvent e) {
        line((showPhone ? e.phone() + " " : "") + describe(e));
    }

    /** Prints {@code text} as one line, after the time since the start. */
    public synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%7s] %s%n", seconds(Duration.between(start, clock.instant())), text);
        out.flush();
    }

    /** One line of text for an event. */
    public static String describe(ConversionEvent e) {
        if (e instanceof ConversionEvent.Connected c) {
            return "connected" + (c.telnetEnabledByUs() ? " (telnet switched on through the web page)" : "");
        } else if (e instanceof ConversionEvent.Identified i) {
            return "phone runs " + i.identity();
        } else if (e instanceof ConversionEvent.Planned p) {
            return p.plan().hops().isEmpty() ? "plan: nothing to do"
                    : "plan: " + p.plan().from() + " -> " + p.plan().hops().stream().map(h -> h.to().toString())
                            .collect(Collectors.joining(" -> ")) + " (" + p.plan().hops().size() + " hops, "
                            + p.plan().reboots() + " reboots)";
        } else if (e instanceof ConversionEvent.HopStarted h) {
            return "hop " + hop(h.hop(), h.hops()) + ": " + h.hop().from() + " -> " + h.hop().to();
        } else if (e instanceof ConversionEvent.StepStarted s) {
            return "  step " + s.step() + "/" + s.steps() + " " + s.describe() + ": " + s.line();
        } else if (e instanceof ConversionEvent.StepDone d) {
            return "  step " + d.step() + "/" + d.steps() + " ok (" + seconds(d.took()) + ")";
        } else if (e instanceof ConversionEvent.Waiting w) {
            return "  " + w.what();
        } else if (e instanceof ConversionEvent.HopDone h) {
            return "hop " + h.hop().number() + " done: phone runs " + h.now();
        } else if (e instanceof ConversionEvent.Warning w) {
            return "warning: " + w.message();
        }
        return e.toString();
    }

    private static String hop(Hop hop, int total) {
        return hop.number() + "/" + total;
    }

    /** {@code d} in seconds with one decimal, for people: {@code 12.3s}. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
