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
    private static final Pattern TFTP_ERROR = Pattern.compile("Error code \\d+ received: (.*)");

    /** What a transfer gave: the whole file, or why not. */
    record Result(byte[] data, String failure, boolean incomplete) {
        boolean ok() {
            return data != null;
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
        if (!server.isLoopbackAddress()) {
            throw new IllegalArgumentException("the simulator pulls from loopback only, not " + server);
        }
        InetAddress local = bind instanceof Inet4Address && bind.isLoopbackAddress() ? bind : LOCALHOST;
        BoundedBuffer buf = new BoundedBuffer();
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
            return new Result(null, buf.overflow ? "file too large for flash" : reason(e), false);
        } finally {
            client.close();
        }
    }

    /** A TFTP error packet's text, {@code timeout}, or the exception's message. */
    private static String reason(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = TFTP_ERROR.matcher(msg);
        if (m.matches()) {
            return m.group(1).isBlank() ? "TFTP error" : m.group(1);
        }
        if (msg.startsWith("Connection timed out")) {
            return "timeout";
        }
        return msg;
    }

    /** Collects the file, refusing more than {@link #MAX_BYTES}. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean overflow;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + len > MAX_BYTES) {
                overflow = true;
                throw new IOException("file too large for flash");
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
