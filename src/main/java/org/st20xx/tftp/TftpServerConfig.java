package org.st20xx.tftp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link TftpServer}.
 *
 * @param root         the directory served (the jail); it must exist when the server starts
 * @param bindAddress  the local address to listen on, and to send from
 * @param port         the UDP port of the listening socket; 0 picks a free one (see
 *                     {@link TftpServer#address()})
 * @param maxTransfers how many transfers may run at once; a request beyond that is refused with a
 *                     "server busy" error
 * @param retries      how many times a packet is sent again after a timeout before the transfer
 *                     is given up (consecutive timeouts; any progress resets the count)
 * @param timeout      how long to wait for an acknowledgement before sending again, unless the
 *                     client negotiates its own with the {@code timeout} option
 */
public record TftpServerConfig(Path root, InetAddress bindAddress, int port, int maxTransfers, int retries,
        Duration timeout) {
    public static final int DEFAULT_PORT = 69;
    public static final int DEFAULT_MAX_TRANSFERS = 64;
    public static final int DEFAULT_RETRIES = 5;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    public static final int MAX_TRANSFERS_LIMIT = 10_000;
    static final int RETRIES_LIMIT = 100;
    static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(255);

    public TftpServerConfig {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (got " + port + ")");
        }
        if (maxTransfers < 1 || maxTransfers > MAX_TRANSFERS_LIMIT) {
            throw new IllegalArgumentException(
                    "max transfers must be between 1 and " + MAX_TRANSFERS_LIMIT + " (got " + maxTransfers + ")");
        }
        if (retries < 0 || retries > RETRIES_LIMIT) {
            throw new IllegalArgumentException("retries must be between 0 and " + RETRIES_LIMIT + " (got " + retries + ")");
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be between " + MIN_TIMEOUT.toMillis() + " ms and "
                    + MAX_TIMEOUT.toSeconds() + " s (got " + timeout.toMillis() + " ms)");
        }
    }

    /** Serves {@code root} on all addresses, port 69, with the default limits. */
    public static TftpServerConfig of(Path root) {
        return new TftpServerConfig(root, anyLocal(), DEFAULT_PORT, DEFAULT_MAX_TRANSFERS, DEFAULT_RETRIES,
                DEFAULT_TIMEOUT);
    }

    /** Serves {@code root} on 127.0.0.1 on a free port: what tests and the simulator use. */
    public static TftpServerConfig loopback(Path root) {
        return of(root).withBind(InetAddress.getLoopbackAddress(), 0);
    }

    public TftpServerConfig withBind(InetAddress address, int newPort) {
        return new TftpServerConfig(root, address, newPort, maxTransfers, retries, timeout);
    }

    public TftpServerConfig withMaxTransfers(int max) {
        return new TftpServerConfig(root, bindAddress, port, max, retries, timeout);
    }

    public TftpServerConfig withRetries(int count, Duration wait) {
        return new TftpServerConfig(root, bindAddress, port, maxTransfers, count, wait);
    }

    private static InetAddress anyLocal() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is a valid address", e);
        }
    }
}
