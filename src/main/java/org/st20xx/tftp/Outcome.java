package org.st20xx.tftp;

/** How a request ended. Every request the server parsed ends in exactly one of these. */
public enum Outcome {
    /** The client acknowledged the last block: it has the whole file. */
    COMPLETE,
    /** No such file under the root (TFTP error 1). */
    NOT_FOUND,
    /**
     * Refused by the jail or because the server is read-only (TFTP error 2): a write request,
     * {@code ..}, a symbolic link out of the root, a directory or device, a bad or too long name.
     */
    ACCESS_DENIED,
    /** The request itself was unusable: unknown mode, bad option value, malformed options. */
    BAD_REQUEST,
    /** Refused because the configured number of concurrent transfers was reached. */
    BUSY,
    /** The client stopped acknowledging; the retries were used up. */
    TIMEOUT,
    /** The client sent an error packet (or its port became unreachable) and the transfer ended. */
    CLIENT_ERROR,
    /** The server could not read the file or open a transfer socket. */
    SERVER_ERROR,
    /** The server was closed while the transfer was running. */
    SHUTDOWN
}
