package org.st20xx.tftp;

import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;

/** The server cannot start: the root is not a readable directory, or the address cannot be bound. Exit 2. */
public class TftpException extends St20xxException {
    public TftpException(String message, Throwable cause) {
        super(ExitStatus.USAGE, message, cause);
    }
}
