package org.st20xx.console.expect;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.st20xx.console.ConsoleWaitException;

/** A failure indicator given by the caller appeared in the output: the step failed. */
public class FailureIndicatorException extends ConsoleWaitException {
    private final String indicator;
    private final String matched;

    /**
     * @param indicator the name of the failure pattern that matched
     * @param matched   the matched text (secrets masked)
     * @param awaited   names of all the patterns of the wait
     * @param elapsed   how long the wait had run
     * @param tail      the last text seen, about 512 characters (normalised, secrets masked)
     */
    public FailureIndicatorException(String indicator, String matched, List<String> awaited, Duration elapsed,
            String tail) {
        super("failure indicator \"" + indicator + "\" matched " + quote(matched), awaited, elapsed, tail, null);
        this.indicator = Objects.requireNonNull(indicator, "indicator");
        this.matched = Objects.requireNonNull(matched, "matched");
    }

    /** The name of the failure pattern that matched. */
    public String indicator() {
        return indicator;
    }

    /** The matched text (secrets masked). */
    public String matched() {
        return matched;
    }
}
