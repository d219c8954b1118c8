package org.st20xx.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline (never a fixed sleep). */
final class Await {
    private Await() {
    }

    static void until(String what, Duration limit, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** Polls a phone's state file until {@code condition} holds; returns the state that satisfied it. */
    static PhoneState state(Path file, String what, Duration limit, Predicate<PhoneState> condition) {
        PhoneState[] last = new PhoneState[1];
        until(file.getFileName() + " " + what, limit, () -> {
            try {
                last[0] = PhoneState.read(file);
                return condition.test(last[0]);
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return last[0];
    }
}
