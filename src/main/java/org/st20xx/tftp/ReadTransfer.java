package org.st20xx.tftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sending side of one read transfer, without sockets or clocks: the server feeds it the
 * packets the client sends and the current time, and it writes DATA/OACK/ERROR packets to a
 * {@link Wire}. Times are {@link System#nanoTime()} values.
 *
 * <p>Sending: a window of {@code windowSize} blocks (1 without RFC 7440), then wait for an ACK.
 * An ACK for a block not acknowledged before moves the window: everything after it is sent (again,
 * when the client acknowledged only part of the window, as RFC 7440 asks). An ACK for a block
 * already acknowledged is ignored, never answered: answering duplicates is the sorcerer's
 * apprentice bug (RFC 1123 4.2.3.1). Only a timeout resends, at most {@code retries} times in a
 * row. Block numbers are counted in a {@code long} and sent modulo 65536, so a transfer of more
 * than 65535 blocks wraps to 0 as tftpd-hpa, curl and most phones expect.
 */
final class ReadTransfer {
    /** Where the transfer's packets go. */
    interface Wire {
        void send(ByteBuffer packet) throws IOException;
    }

    private final BlockSource source;
    private final Wire wire;
    private final ByteBuffer buffer;
    private final int blockSize;
    private final int windowSize;
    private final long timeoutNanos;
    private final int maxRetries;
    private final Map<String, String> oack;

    private boolean awaitingOackAck;
    private long acked;
    private long nextToSend = 1;
    private long highestSent;
    private long lastBlock = -1;
    private int lastLength;
    private int consecutiveTimeouts;
    private int retries;
    private long deadline;
    private Outcome outcome;
    private String detail = "";

    /**
     * @param buffer where packets are built; may be shared between transfers (one thread), room
     *               for {@code 4 + blockSize} bytes
     * @param oack   the options to acknowledge first; empty to start with block 1
     */
    ReadTransfer(BlockSource source, Wire wire, ByteBuffer buffer, int blockSize, int windowSize,
            long timeoutNanos, int maxRetries, Map<String, String> oack) {
        if (buffer.capacity() < Packets.DATA_HEADER + blockSize) {
            throw new IllegalArgumentException("buffer too small for block size " + blockSize);
        }
        this.source = source;
        this.wire = wire;
        this.buffer = buffer;
        this.blockSize = blockSize;
        this.windowSize = windowSize;
        this.timeoutNanos = timeoutNanos;
        this.maxRetries = maxRetries;
        this.oack = Collections.unmodifiableMap(new LinkedHashMap<>(oack));
    }

    /** Sends the OACK, or the first window when no option was negotiated. */
    void start(long now) throws IOException {
        if (oack.isEmpty()) {
            sendWindow(now);
        } else {
            awaitingOackAck = true;
            sendOack(now);
        }
    }

    /**
     * A packet from the client. Returns false when it was ignored (not an ACK or ERROR, truncated,
     * or an ACK outside what was sent): such packets never end or disturb the transfer.
     */
    boolean onPacket(ByteBuffer packet, long now) throws IOException {
        if (finished()) {
            return false;
        }
        if (Packets.opcode(packet) == Packets.ERROR) {
            String text;
            try {
                Packets.Error error = Packets.parseError(packet);
                text = "client sent error " + error.code() + (error.message().isEmpty() ? "" : ": " + error.message());
            } catch (Packets.MalformedPacketException e) {
                text = "client sent a truncated error packet";
            }
            finish(Outcome.CLIENT_ERROR, text);
            return true;
        }
        int block = Packets.ackBlock(packet);
        return block >= 0 && onAck(block, now);
    }

    private boolean onAck(int wireBlock, long now) throws IOException {
        if (awaitingOackAck) {
            if (wireBlock != 0) {
                return false;
            }
            awaitingOackAck = false;
            consecutiveTimeouts = 0;
            sendWindow(now);
            return true;
        }
        long block = acked + ((wireBlock - acked) & 0xFFFF);
        if (block == acked) {
            return true; // duplicate: the timeout, not the duplicate, decides when to resend
        }
        if (block > highestSent) {
            return false; // not sent yet (or a stale ACK from 65536 blocks ago)
        }
        acked = block;
        consecutiveTimeouts = 0;
        source.release(block);
        if (block == lastBlock) {
            finish(Outcome.COMPLETE, "");
            return true;
        }
        nextToSend = block + 1;
        sendWindow(now);
        return true;
    }

    /** Resends when the deadline has passed, or gives up after the last retry. */
    void onTimeout(long now) throws IOException {
        if (finished() || now - deadline < 0) {
            return;
        }
        if (consecutiveTimeouts == maxRetries) {
            String text = "timed out after " + (maxRetries + 1) + " sends without an acknowledgement";
            finish(Outcome.TIMEOUT, text);
            wire.send(Packets.error(buffer, Packets.ERR_UNDEFINED, text));
            return;
        }
        consecutiveTimeouts++;
        retries++;
        if (awaitingOackAck) {
            sendOack(now);
        } else {
            nextToSend = acked + 1;
            sendWindow(now);
        }
    }

    /** Ends the transfer from outside (server closing), telling the client with an error packet. */
    void abort(Outcome reason, String text) throws IOException {
        if (!finished()) {
            finish(reason, text);
            wire.send(Packets.error(buffer, Packets.ERR_UNDEFINED, text));
        }
    }

    private void sendOack(long now) throws IOException {
        wire.send(Packets.oack(buffer, oack));
        deadline = now + timeoutNanos;
    }

    private void sendWindow(long now) throws IOException {
        long end = acked + windowSize;
        while (nextToSend <= end && (lastBlock < 0 || nextToSend <= lastBlock)) {
            Packets.dataHeader(buffer, nextToSend);
            buffer.limit(Packets.DATA_HEADER + blockSize);
            int length = source.read(nextToSend, buffer);
            buffer.flip();
            if (length < blockSize) {
                lastBlock = nextToSend;
                lastLength = length;
            }
            wire.send(buffer);
            highestSent = Math.max(highestSent, nextToSend);
            nextToSend++;
        }
        deadline = now + timeoutNanos;
    }

    private void finish(Outcome how, String why) {
        outcome = how;
        detail = why;
    }

    boolean finished() {
        return outcome != null;
    }

    /** How it ended; null while running. */
    Outcome outcome() {
        return outcome;
    }

    String detail() {
        return detail;
    }

    /** When the transfer next needs {@link #onTimeout}, as a nanoTime value. */
    long deadline() {
        return deadline;
    }

    long blocksAcknowledged() {
        return acked;
    }

    long bytesAcknowledged() {
        return acked == lastBlock ? (lastBlock - 1) * blockSize + lastLength : acked * blockSize;
    }

    int retries() {
        return retries;
    }

    void close() throws IOException {
        source.close();
    }
}
