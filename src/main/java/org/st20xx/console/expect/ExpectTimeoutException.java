package org.st20xx.console.expect;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.st20xx.console.ConsoleException;
import org.st20xx.console.ConsoleText;

/** None of the awaited patterns appeared before the deadline; the connection is still open. */
public class ExpectTimeoutException extends ConsoleException {
    private final List<String> awaited;
    private final Duration elapsed;
    private final String tail;

    /**
     * @param awaited names of the patterns that were awaited
     * @param elapsed how long the wait ran
     * @param tail    the last text seen, about 512 characters (normalised, secrets masked)
     */
    public ExpectTimeoutException(List<String> awaited, Duration elapsed, String tail) {
        super("timed out after " + ConsoleText.seconds(elapsed) + " waiting for " + awaited + lastOutput(tail));
        this.awaited = List.copyOf(awaited);
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.tail = Objects.requireNonNull(tail, "tail");
    }

    /** Names of the patterns that were awaited. */
    public List<String> awaited() {
        return awaited;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The last text seen, about 512 characters (normalised, secrets masked). */
    public String tail() {
        return tail;
    }
}
