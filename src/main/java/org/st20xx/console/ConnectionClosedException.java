package org.st20xx.console;

import java.time.Duration;
import java.util.List;

/**
 * The connection ended while the caller still needed it: the remote side closed it (end of
 * stream), or it broke (reset, broken pipe; then {@link #getCause()} says how). A phone that
 * reboots shows up this way; callers that expect the disconnect use {@code awaitClose} instead.
 */
public class ConnectionClosedException extends ConsoleWaitException {

    /**
     * @param awaited names of the patterns that were awaited, empty when the connection was lost
     *                while sending
     * @param elapsed how long the wait had run
     * @param tail    the last text seen (secrets already masked)
     * @param cause   the I/O error, or null for a clean end of stream
     */
    public ConnectionClosedException(List<String> awaited, Duration elapsed, String tail, Throwable cause) {
        super(message(awaited, elapsed, tail, cause), awaited, elapsed, tail, cause);
    }

    private static String message(List<String> awaited, Duration elapsed, String tail, Throwable cause) {
        StringBuilder sb = new StringBuilder(cause == null
                ? "connection closed by the remote side"
                : "connection lost (" + cause.getMessage() + ")");
        if (awaited.isEmpty()) {
            sb.append(" while sending");
        } else {
            sb.append(" while waiting for ").append(awaited).append(" (after ").append(ConsoleText.seconds(elapsed)).append(')');
        }
        return sb.append(lastOutput(tail)).toString();
    }
}
