package org.st20xx.console;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A wait on the console ended without the awaited answer. Carries what the report needs: the
 * names of the awaited patterns, how long the wait ran, and the last text seen (about 512
 * characters, normalised, secrets masked).
 */
public abstract class ConsoleWaitException extends ConsoleException {
    private final List<String> awaited;
    private final Duration elapsed;
    private final String tail;

    protected ConsoleWaitException(String message, List<String> awaited, Duration elapsed, String tail,
            Throwable cause) {
        super(message, cause);
        this.awaited = List.copyOf(awaited);
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.tail = Objects.requireNonNull(tail, "tail");
    }

    /** Names of the patterns that were awaited; empty when nothing was awaited (a send). */
    public List<String> awaited() {
        return awaited;
    }

    /** How long the wait ran. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The last text seen, about 512 characters (normalised, secrets masked). */
    public String tail() {
        return tail;
    }
}
