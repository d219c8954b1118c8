package org.st20xx.convert;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request to stop, raised by Ctrl-C (or --max-failures in a batch). The first request stops at
 * the next safe point: a conversion inside a flash phase carries on until flash holds a
 * compatible pair that the phone has booted; elsewhere it stops before its next step. The second
 * request stops at once, saying what state the phone may be in.
 */
public final class StopSignal {
    public static final int NONE = 0;
    /** Stop at the next safe point. */
    public static final int SAFE_POINT = 1;
    /** Stop now. */
    public static final int NOW = 2;

    private final AtomicInteger level = new AtomicInteger(NONE);

    /** Raises the request by one level (Ctrl-C), up to {@link #NOW}; returns the new level. */
    public int escalate() {
        return level.updateAndGet(l -> Math.min(NOW, l + 1));
    }

    /** Raises the request to at least {@code wanted}. */
    public void request(int wanted) {
        level.accumulateAndGet(wanted, Math::max);
    }

    public int level() {
        return level.get();
    }

    public boolean requested() {
        return level.get() > NONE;
    }
}
