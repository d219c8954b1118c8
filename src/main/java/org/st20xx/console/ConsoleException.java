package org.st20xx.console;

import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;

/**
 * A console dialogue with a device failed (exit 1 unless a subclass says otherwise). Messages are
 * one line: any console text in them is quoted and escaped, and has secrets masked.
 */
public class ConsoleException extends St20xxException {

    public ConsoleException(String message) {
        this(message, null);
    }

    public ConsoleException(String message, Throwable cause) {
        super(ExitStatus.PHONE_FAILED, message, cause);
    }

    protected ConsoleException(ExitStatus status, String message, Throwable cause) {
        super(status, message, cause);
    }

    /** {@code text} in double quotes, with control characters escaped so it stays on one line. */
    protected static String quote(String text) {
        return '"' + ConsoleText.escape(text) + '"';
    }

    /** {@code "; last output: \"...\""}, or nothing when {@code tail} is empty. */
    protected static String lastOutput(String tail) {
        return tail.isEmpty() ? "; no output" : "; last output: " + quote(tail);
    }
}
