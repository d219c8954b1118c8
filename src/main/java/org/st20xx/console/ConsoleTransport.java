package org.st20xx.console;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte pipe to a device console. Every wait is bounded: {@link #connect} by its timeout and
 * {@link #read} by its timeout, so a silent or vanished device can never hang the caller.
 *
 * <p>One instance is one connection: connect it once, close it once. To reconnect (a phone that
 * rebooted), make a new instance. Implementations need not be thread-safe for concurrent reads;
 * a write may happen while another thread reads.
 */
public interface ConsoleTransport extends AutoCloseable {

    /** {@link #read} result: nothing arrived before the timeout; the connection is still open. */
    int TIMEOUT = 0;

    /** {@link #read} result: the remote side closed the connection (end of stream). */
    int EOF = -1;

    /**
     * Opens the connection.
     *
     * @param timeout how long to wait for the connection to be established
     * @throws IOException when it cannot be established in time (refused, unreachable, timed out)
     * @throws IllegalStateException when this transport was already connected
     */
    void connect(Duration timeout) throws IOException;

    /**
     * Waits up to {@code timeout} for bytes and returns those available (at least one, at most
     * {@code buffer.length}), or {@link #TIMEOUT}, or {@link #EOF}. Never blocks without bound;
     * an implementation documents how far past {@code timeout} it may return.
     *
     * @throws IOException when the connection broke (reset, aborted) or this transport is closed
     */
    int read(byte[] buffer, Duration timeout) throws IOException;

    /** Writes all of {@code bytes} as they are (no line-ending translation). */
    void write(byte[] bytes) throws IOException;

    /** True between a successful {@link #connect} and end of stream or {@link #close}. */
    boolean isOpen();

    /** Closes the connection; idempotent and quiet (a close that fails is not reported). */
    @Override
    void close();
}
