package org.st20xx.console.telnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TelnetCommand;
import org.st20xx.console.ConsoleTransport;

/**
 * A {@link ConsoleTransport} over telnet (RFC 854), built on commons-net's {@link TelnetClient}.
 *
 * <p><b>Negotiation.</b> The client asks for nothing. It agrees when the server offers to echo
 * (WILL ECHO) and to suppress go-ahead in either direction (WILL/DO SUPPRESS-GO-AHEAD; we never
 * send GA anyway), and refuses every other option, TERMINAL-TYPE and NAWS included (WONT/DONT).
 * Replies are sent while reading, so negotiation can never block a caller.
 *
 * <p><b>Bounded reads.</b> The client runs without its reader thread: the caller's own
 * {@link #read} reads the socket with {@code SO_TIMEOUT} set to the read's timeout (at least
 * 1 ms). commons-net answers a socket timeout by pausing 100 ms and reporting end of stream,
 * then throws the stored timeout on the next read; this class tells the two apart with that
 * next read, so a read returns at most about 100 ms after its timeout, and a real end of
 * stream is reported as {@link #EOF}. (With the reader thread, a stored timeout can be thrown in
 * the middle of a multi-byte read and lose the bytes already taken from its queue.)
 *
 * <p><b>Binary-safe.</b> Bytes are passed through as they are in both directions; only the
 * telnet framing is applied: an IAC (255) data byte is doubled on the way out and undoubled on
 * the way in, and, as the protocol says, a NUL after CR is dropped on the way in. There is no
 * CR/LF translation: {@link #write} sends exactly the bytes given, so the line ending is the
 * caller's choice ({@link TelnetClient}'s own output stream would turn CR into a CR LF whose LF
 * is held back until the next write, so it is not used). Decoding to text is left to the caller
 * (the expect layer decodes ISO-8859-1 by default).
 *
 * <p>DNS: {@code host} should be an address literal; resolving a name is not covered by the
 * connect timeout. A write is not bounded by a timeout either (TCP has none); console writes are
 * a few bytes and never fill the socket buffer.
 */
public final class TelnetTransport implements ConsoleTransport {

    private static final int IAC = TelnetCommand.IAC;

    private final String host;
    private final int port;
    private final RawTelnetClient client = new RawTelnetClient();
    private InputStream input;
    private boolean connected;
    private volatile boolean open;

    public TelnetTransport(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
    }

    @Override
    public synchronized void connect(Duration timeout) throws IOException {
        if (connected) {
            throw new IllegalStateException("already connected: " + this);
        }
        connected = true;
        int millis = millis(timeout);
        client.setConnectTimeout(millis);
        // SO_TIMEOUT from the first socket read on; without it a silent server would block a read forever
        client.setDefaultTimeout(millis);
        client.setReaderThread(false);
        try {
            client.addOptionHandler(new EchoOptionHandler(false, false, false, true));
            client.addOptionHandler(new SuppressGAOptionHandler(false, false, true, true));
        } catch (InvalidTelnetOptionException e) {
            throw new IllegalStateException("commons-net rejected a standard option", e);
        }
        client.connect(host, port);
        input = client.getInputStream();
        open = true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns at most about 100 ms after {@code timeout} (see the class comment).
     */
    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        if (!open) {
            throw new IOException("telnet connection is closed: " + this);
        }
        if (buffer.length == 0) {
            throw new IllegalArgumentException("empty buffer");
        }
        client.setSoTimeout(millis(timeout));
        try {
            int count = input.read(buffer, 0, buffer.length);
            if (count > 0) {
                return count;
            }
            // -1 means end of stream or a socket timeout that commons-net stored for the next
            // read; that next read throws the stored timeout at once, or sees the end again.
            count = input.read(buffer, 0, buffer.length);
            if (count > 0) {
                return count;
            }
            open = false;
            return EOF;
        } catch (SocketTimeoutException e) {
            return TIMEOUT;
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (!open) {
            throw new IOException("telnet connection is closed: " + this);
        }
        client.writeRaw(escapeIac(bytes));
    }

    /** {@code bytes} with every IAC (255) doubled, as telnet requires for data. */
    static byte[] escapeIac(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        for (byte b : bytes) {
            out.write(b);
            if ((b & 0xff) == IAC) {
                out.write(IAC);
            }
        }
        return out.toByteArray();
    }

    @Override
    public boolean isOpen() {
        return open && client.isConnected();
    }

    @Override
    public synchronized void close() {
        open = false;
        if (client.isConnected()) {
            try {
                client.disconnect();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    @Override
    public String toString() {
        return "telnet " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static int millis(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        // 0 would mean "wait forever" to a socket
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * Gives access to the socket's output so data goes out byte for byte. Writes hold the client's
     * lock, the same lock commons-net holds while it writes and flushes a negotiation reply, so
     * the two never interleave.
     */
    private static final class RawTelnetClient extends TelnetClient {

        RawTelnetClient() {
            super(""); // no terminal type: DO TERMINAL-TYPE is refused
        }

        void writeRaw(byte[] bytes) throws IOException {
            synchronized (this) {
                OutputStream raw = _output_;
                raw.write(bytes);
                raw.flush();
            }
        }
    }
}
