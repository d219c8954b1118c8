package org.st20xx.console.expect;

import java.time.Duration;
import java.util.Objects;
import org.st20xx.console.ConsoleException;

/** A failure indicator given by the caller appeared in the output: the step failed. */
public class FailureIndicatorException extends ConsoleException {
    private final String indicator;
    private final String matched;
    private final Duration elapsed;
    private final String tail;

    /**
     * @param indicator the name of the failure pattern that matched
     * @param matched   the matched text (secrets masked)
     * @param elapsed   how long the wait had run
     * @param tail      the last text seen, about 512 characters (normalised, secrets masked)
     */
    public FailureIndicatorException(String indicator, String matched, Duration elapsed, String tail) {
        super("failure indicator \"" + indicator + "\" matched " + quote(matched));
        this.indicator = Objects.requireNonNull(indicator, "indicator");
        this.matched = Objects.requireNonNull(matched, "matched");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.tail = Objects.requireNonNull(tail, "tail");
    }

    /** The name of the failure pattern that matched. */
    public String indicator() {
        return indicator;
    }

    /** The matched text (secrets masked). */
    public String matched() {
        return matched;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The last text seen (normalised, secrets masked). */
    public String tail() {
        return tail;
    }
}
