package org.st20xx.console;

import org.st20xx.ExitStatus;

/**
 * The thread waiting on a console was interrupted (Ctrl-C, a cancelled batch job); exit 130.
 * The thread's interrupt flag is set again before this is thrown.
 */
public class ConsoleInterruptedException extends ConsoleException {

    public ConsoleInterruptedException(String message, Throwable cause) {
        super(ExitStatus.INTERRUPTED, message, cause);
    }
}
