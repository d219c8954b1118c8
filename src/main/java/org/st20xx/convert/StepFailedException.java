package org.st20xx.convert;

import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;

/**
 * A step on a phone failed. The message names the phone, the hop and the step, and says what the
 * phone's state is and what to do next when that matters.
 */
public class StepFailedException extends St20xxException {
    private final String step;

    public StepFailedException(String step, String message, Throwable cause) {
        this(ExitStatus.PHONE_FAILED, step, message, cause);
    }

    public StepFailedException(ExitStatus status, String step, String message, Throwable cause) {
        super(status, message, cause);
        this.step = step;
    }

    /** The playbook step (or phase such as "connect", "login", "identify") that failed. */
    public String step() {
        return step;
    }
}
