package org.st20xx.tftp;

import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One accepted read transfer: its socket (its TID), its state machine, and what the finished
 * event needs. Built by the thread that accepted the request, then owned by one {@link Worker}.
 */
final class Session {
    final TftpRequest request;
    final Path file;
    final DatagramChannel channel;
    final ReadTransfer transfer;
    private final long startNanos;
    private final Map<String, String> options;
    SelectionKey key;

    Session(TftpRequest request, Path file, DatagramChannel channel, ReadTransfer transfer, long startNanos,
            Map<String, String> options) {
        this.request = request;
        this.file = file;
        this.channel = channel;
        this.transfer = transfer;
        this.startNanos = startNanos;
        this.options = options;
    }

    /** The event for this transfer; call once it has finished. */
    Transfer toTransfer(long nowNanos) {
        return new Transfer(request, transfer.outcome(), transfer.detail(), file, transfer.bytesAcknowledged(),
                transfer.blocksAcknowledged(), transfer.retries(), options, request.received(),
                Duration.ofNanos(nowNanos - startNanos));
    }
}
