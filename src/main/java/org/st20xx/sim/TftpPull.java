package org.st20xx.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;

/**
 * The phone's TFTP client: a real read request over UDP (commons-net {@link TFTPClient}), from a
 * loopback address to a loopback server only, so the simulator never sends a packet off the
 * machine.
 */
final class TftpPull {
    /** Bigger files are refused: a phone's flash is small. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final InetAddress LOCALHOST = ipv4("127.0.0.1").orElseThrow();
    private static final Pattern TFTP_ERROR = Pattern.compile("Error code (\\d+) received: (.*)");

    /** What a transfer gave: the whole file, or why not ({@code errorCode}: the TFTP error packet's code, or -1). */
    record Result(byte[] data, String failure, boolean incomplete, int errorCode) {
        Result(byte[] data, String failure, boolean incomplete) {
            this(data, failure, incomplete, -1);
        }

        boolean ok() {
            return data != null;
        }

        /** The server answered "file not found" (TFTP error 1). */
        boolean notFound() {
            return errorCode == 1;
        }
    }

    private TftpPull() {
    }

    /** The server named in a console command, when it is an IPv4 literal (the phone resolves no names). */
    static Optional<InetAddress> ipv4(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(m.group(i + 1));
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Pulls {@code file} from {@code server} (loopback IPv4), sending from {@code bind} when it is
     * an IPv4 loopback address, else from 127.0.0.1.
     */
    static Result pull(InetAddress bind, InetAddress server, int port, String file, Duration timeout, int retries) {
        return pull(bind, server, port, file, timeout, retries, MAX_BYTES, "file too large for flash");
    }

    /**
     * Like {@link #pull(InetAddress, InetAddress, int, String, Duration, int)}, but the transfer is
     * given up as soon as more than {@code limit} bytes arrive: the client sends the server a TFTP
     * error packet and the result's failure is {@code overflow} (0: the first data block already
     * ends it, as the phone of seed 001's "State Error" log).
     */
    static Result pull(InetAddress bind, InetAddress server, int port, String file, Duration timeout, int retries,
            int limit, String overflow) {
        if (!server.isLoopbackAddress()) {
            throw new IllegalArgumentException("the simulator pulls from loopback only, not " + server);
        }
        InetAddress local = bind instanceof Inet4Address && bind.isLoopbackAddress() ? bind : LOCALHOST;
        BoundedBuffer buf = new BoundedBuffer(limit, overflow);
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(timeout);
        client.setMaxTimeouts(retries);
        try {
            client.open(0, local);
            client.setSoTimeout(timeout);
            client.receiveFile(file, TFTP.BINARY_MODE, buf, server, port);
            return new Result(buf.toByteArray(), null, false);
        } catch (IOException e) {
            if (buf.size() > 0 && !buf.overflow) {
                return new Result(null, "incomplete", true);
            }
            return new Result(null, buf.overflow ? overflow : reason(e), false, buf.overflow ? -1 : errorCode(e));
        } finally {
            client.close();
        }
    }

    /** The code of the TFTP error packet that ended the transfer, or -1. */
    private static int errorCode(IOException e) {
        Matcher m = TFTP_ERROR.matcher(String.valueOf(e.getMessage()));
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A TFTP error packet's text, {@code timeout}, or the exception's message. */
    private static String reason(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = TFTP_ERROR.matcher(msg);
        if (m.matches()) {
            return m.group(2).isBlank() ? "TFTP error" : m.group(2);
        }
        if (msg.startsWith("Connection timed out")) {
            return "timeout";
        }
        return msg;
    }

    /** Collects the file, refusing more than {@code limit} bytes. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private final String overflowReason;
        boolean overflow;

        BoundedBuffer(int limit, String overflowReason) {
            this.limit = limit;
            this.overflowReason = overflowReason;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + len > limit) {
                overflow = true;
                throw new IOException(overflowReason);
            }
            bytes.write(b, off, len);
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
