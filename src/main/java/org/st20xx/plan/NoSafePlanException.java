package org.st20xx.plan;

import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;

/** No chain of safe reboots leads to the target, or the request names an unknown state: exit 2. */
public class NoSafePlanException extends St20xxException {
    public NoSafePlanException(String message) {
        super(ExitStatus.USAGE, message);
    }
}
