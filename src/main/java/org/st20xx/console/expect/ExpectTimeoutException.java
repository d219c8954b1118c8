package org.st20xx.console.expect;

import java.time.Duration;
import java.util.List;
import org.st20xx.console.ConsoleText;
import org.st20xx.console.ConsoleWaitException;

/** None of the awaited patterns appeared before the deadline; the connection is still open. */
public class ExpectTimeoutException extends ConsoleWaitException {

    /**
     * @param awaited names of the patterns that were awaited
     * @param elapsed how long the wait ran
     * @param tail    the last text seen, about 512 characters (normalised, secrets masked)
     */
    public ExpectTimeoutException(List<String> awaited, Duration elapsed, String tail) {
        super("timed out after " + ConsoleText.seconds(elapsed) + " waiting for " + awaited + lastOutput(tail),
                awaited, elapsed, tail, null);
    }
}
