package org.st20xx.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only telnet client over a plain socket: answers the phone's option offers (accepting
 * SGA, and ECHO only when asked to), records every negotiation it receives, and reads with
 * deadlines. Never blocks without a limit.
 */
final class TelnetTestClient implements AutoCloseable {
    /** The end of the shell prompt {@code [<user>]# }. */
    static final String PROMPT = "]# ";
    /** Deadline of one dialogue step: generous, so a loaded shared machine does not fail tests (never a sleep). */
    static final Duration STEP = Duration.ofSeconds(20);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final boolean acceptEcho;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder all = new StringBuilder();
    private final List<String> negotiations = new ArrayList<>();
    private int iacState;
    private int verb;
    private boolean eof;

    private TelnetTestClient(Socket socket, boolean acceptEcho) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.acceptEcho = acceptEcho;
    }

    static TelnetTestClient connect(InetSocketAddress a) throws IOException {
        return connect(a, false);
    }

    /** Connects; with {@code acceptEcho} the client answers DO ECHO (the phone then echoes). */
    static TelnetTestClient connect(InetSocketAddress a, boolean acceptEcho) throws IOException {
        Socket s = new Socket();
        s.connect(a, 2000);
        s.setSoTimeout(50);
        return new TelnetTestClient(s, acceptEcho);
    }

    /** Tries to connect until the phone answers with {@code Login: }, or fails after {@code limit}. */
    static TelnetTestClient awaitLogin(InetSocketAddress a, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                TelnetTestClient c = connect(a);
                c.readUntil("Login: ", Duration.ofSeconds(2));
                return c;
            } catch (IOException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("phone at " + a + " did not answer telnet within " + limit.toMillis()
                            + " ms: " + e.getMessage());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    /** True when a TCP connection to {@code a} is refused (nothing listens). */
    static boolean refused(InetSocketAddress a) {
        try (Socket s = new Socket()) {
            s.connect(a, 1000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Waits until the phone answers telnet, then logs in; returns at the shell prompt. */
    static TelnetTestClient awaitLoggedIn(InetSocketAddress a, String user, String password, Duration limit)
            throws IOException {
        TelnetTestClient c = awaitLogin(a, limit);
        c.sendLine(user);
        c.readUntil("Password: ", STEP);
        c.sendLine(password);
        c.readUntil(PROMPT, STEP);
        return c;
    }

    /** Sends a command and returns its output lines (without echo and prompt). */
    String command(String line) throws IOException {
        return command(line, STEP);
    }

    String command(String line, Duration limit) throws IOException {
        sendLine(line);
        String text = readUntil(PROMPT, limit);
        text = text.substring(0, text.lastIndexOf('['));
        if (text.startsWith(line + "\r\n")) {
            text = text.substring(line.length() + 2);
        }
        return text.replace("\r\n", "\n").strip();
    }

    /** Sends a command that ends the session (a reboot) and returns all it printed before closing. */
    String commandUntilClosed(String line) throws IOException {
        sendLine(line);
        if (!awaitClosed(STEP)) {
            throw new AssertionError("the phone did not close the connection after '" + line + "'");
        }
        String text = pending.toString();
        pending.setLength(0);
        return text.replace("\r\n", "\n").strip();
    }

    void sendLine(String line) throws IOException {
        send(line + "\r\n");
    }

    void send(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void sendBytes(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** The text up to and including {@code token}; what follows stays for the next read. */
    String readUntil(String token, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            int at = pending.indexOf(token);
            if (at >= 0) {
                String s = pending.substring(0, at + token.length());
                pending.delete(0, at + token.length());
                return s;
            }
            if (eof) {
                throw new AssertionError("connection closed while waiting for '" + token + "'; got: " + pending);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + token + "' within " + limit.toMillis() + " ms; got: " + pending);
            }
            fill();
        }
    }

    /** Reads until the phone closes the connection; false if it is still open after {@code limit}. */
    boolean awaitClosed(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!eof) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            fill();
        }
        return true;
    }

    /** True when nothing at all arrives within {@code quiet} (and the connection stays open). */
    boolean silentFor(Duration quiet) throws IOException {
        long deadline = System.nanoTime() + quiet.toNanos();
        int before = all.length();
        while (System.nanoTime() < deadline) {
            fill();
            if (eof || all.length() != before) {
                return false;
            }
        }
        return true;
    }

    /** Every negotiation received, e.g. {@code WILL 1}. */
    List<String> negotiations() {
        return List.copyOf(negotiations);
    }

    /** All text received so far. */
    String received() {
        return all.toString();
    }

    private void fill() throws IOException {
        byte[] buf = new byte[4096];
        int n;
        try {
            n = in.read(buf);
        } catch (SocketTimeoutException e) {
            return;
        } catch (IOException e) {
            eof = true;
            return;
        }
        if (n < 0) {
            eof = true;
            return;
        }
        for (int i = 0; i < n; i++) {
            take(buf[i] & 0xff);
        }
    }

    private void take(int b) throws IOException {
        switch (iacState) {
            case 0 -> {
                if (b == 255) {
                    iacState = 1;
                } else {
                    pending.append((char) b);
                    all.append((char) b);
                }
            }
            case 1 -> {
                if (b >= 251 && b <= 254) {
                    verb = b;
                    iacState = 2;
                } else if (b == 250) {
                    iacState = 3;
                } else {
                    if (b == 255) {
                        pending.append((char) 255);
                    }
                    iacState = 0;
                }
            }
            case 2 -> {
                String name = switch (verb) {
                    case 251 -> "WILL";
                    case 252 -> "WONT";
                    case 253 -> "DO";
                    default -> "DONT";
                };
                negotiations.add(name + " " + b);
                if (verb == 251) {
                    boolean yes = b == 3 || (b == 1 && acceptEcho);
                    sendBytes(new byte[] {(byte) 255, (byte) (yes ? 253 : 254), (byte) b});
                } else if (verb == 253) {
                    sendBytes(new byte[] {(byte) 255, (byte) 252, (byte) b});
                }
                iacState = 0;
            }
            default -> iacState = (b == 240) ? 0 : 3;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
