package org.st20xx.console;

/**
 * A monotonic time source in nanoseconds, for deadlines. Production code uses {@link #system()};
 * tests pass a fake one that a fake transport advances, so timeouts are checked without waiting.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long nanoTime();

    static Ticker system() {
        return System::nanoTime;
    }
}
