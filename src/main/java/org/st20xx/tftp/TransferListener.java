package org.st20xx.tftp;

/**
 * Receives the server's events. Both methods are called on one dedicated event thread, never on
 * the I/O thread, one event at a time and in the order the server produced them (for one
 * request, {@code requestReceived} always comes before its {@code transferFinished}). A slow
 * listener delays later events but never a transfer; an exception thrown by a listener is logged
 * and does not reach the others. Listeners see the events dispatched after they were added.
 */
public interface TransferListener {
    /**
     * A request arrived (read or write, before any check). Duplicates of a request already being
     * served (a client resending its request) are not reported again.
     */
    default void requestReceived(TftpRequest request) {
    }

    /** A request ended: exactly one call per {@link #requestReceived} call. */
    void transferFinished(Transfer transfer);
}
