package org.st20xx;

import java.util.Objects;

/**
 * An error written for the technician: its message is printed as one line, without a stack
 * trace (unless {@code --debug}), and it carries the exit code the process ends with.
 */
public class St20xxException extends RuntimeException {
    private final ExitStatus status;

    public St20xxException(ExitStatus status, String message) {
        this(status, message, null);
    }

    public St20xxException(ExitStatus status, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Bad usage or input, or a refusal: exit 2. */
    public static St20xxException usage(String message) {
        return new St20xxException(ExitStatus.USAGE, message);
    }

    /** An operation on a phone failed: exit 1. */
    public static St20xxException phoneFailed(String message, Throwable cause) {
        return new St20xxException(ExitStatus.PHONE_FAILED, message, cause);
    }

    public ExitStatus status() {
        return status;
    }
}
