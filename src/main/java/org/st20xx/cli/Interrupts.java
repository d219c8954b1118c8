package org.st20xx.cli;

import java.io.PrintWriter;
import org.st20xx.convert.StopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while phones are being converted: the first press asks every conversion to stop at its
 * next safe point (a flash phase finishes until the phone has booted a compatible pair); the
 * second stops at once ({@code onNow} interrupts the workers). Restores the previous handler when
 * closed. Uses {@code sun.misc.Signal}, the JDK's only way to catch SIGINT without exiting.
 */
final class Interrupts implements AutoCloseable {
    private final Signal signal;
    private final SignalHandler previous;

    private Interrupts(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    static Interrupts install(StopSignal stop, PrintWriter err, Runnable onNow) {
        Signal sig = new Signal("INT");
        SignalHandler previous;
        try {
            previous = Signal.handle(sig, s -> {
                int level = stop.escalate();
                if (level == StopSignal.SAFE_POINT) {
                    err.println();
                    err.println("Ctrl-C: stopping at the next safe point (a phone in a flash phase first boots its new"
                            + " pair). Press Ctrl-C again to stop at once.");
                } else {
                    err.println();
                    err.println("Ctrl-C again: stopping at once.");
                    onNow.run();
                }
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            return new Interrupts(null, null);
        }
        return new Interrupts(sig, previous);
    }

    @Override
    public void close() {
        if (signal != null) {
            Signal.handle(signal, previous);
        }
    }
}
