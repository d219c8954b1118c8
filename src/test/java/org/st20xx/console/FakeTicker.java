package org.st20xx.console;

import java.time.Duration;

/** A {@link Ticker} that moves only when told to (by a test, or by {@link FakeTransport} waiting). */
public final class FakeTicker implements Ticker {
    private long now = 1_000_000_000L;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    public synchronized void advance(Duration duration) {
        now += duration.toNanos();
    }
}
