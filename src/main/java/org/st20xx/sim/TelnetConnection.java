package org.st20xx.sim;

import static org.apache.commons.net.telnet.TelnetCommand.IAC;
import static org.apache.commons.net.telnet.TelnetCommand.DONT;
import static org.apache.commons.net.telnet.TelnetCommand.DO;
import static org.apache.commons.net.telnet.TelnetCommand.WONT;
import static org.apache.commons.net.telnet.TelnetCommand.WILL;
import static org.apache.commons.net.telnet.TelnetCommand.SB;
import static org.apache.commons.net.telnet.TelnetCommand.SE;
import static org.apache.commons.net.telnet.TelnetOption.ECHO;
import static org.apache.commons.net.telnet.TelnetOption.SUPPRESS_GO_AHEAD;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The phone's side of one telnet connection (RFC 854/857/858): it offers {@code WILL ECHO} and
 * {@code WILL SUPPRESS-GO-AHEAD}, refuses every option the client offers or asks for beyond
 * those two, skips subnegotiations, and reads lines ended by CR, CR LF, CR NUL or LF with
 * backspace editing. While echo is on (offered, and not refused by {@code DONT ECHO}) it echoes
 * what is typed, except secrets. Output lines end with CR LF. The protocol's numbers are
 * commons-net's ({@code TelnetCommand}, {@code TelnetOption}), as the tool's client uses.
 */
final class TelnetConnection {
    /** Longer lines are cut: a console has a small line buffer. */
    static final int MAX_LINE = 512;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Per option we offer (ECHO, SGA): enabled, and whether our WILL still awaits an answer. */
    private final boolean[] enabled = new boolean[256];
    private final boolean[] offered = new boolean[256];
    private boolean afterCr;

    TelnetConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Sends the opening offers. */
    void start() throws IOException {
        for (int opt : new int[] {ECHO, SUPPRESS_GO_AHEAD}) {
            enabled[opt] = true;
            offered[opt] = true;
            out.write(new byte[] {(byte) IAC, (byte) WILL, (byte) opt});
        }
        out.flush();
    }

    /**
     * The next line without its terminator, or null when the client has gone. A {@code secret}
     * line (a password) is not echoed, only its end of line.
     */
    String readLine(boolean secret) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (in.available() == 0) {
                out.flush();
            }
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == IAC) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                if (c != IAC) {
                    command(c);
                }
                continue;
            }
            boolean swallow = afterCr && (b == '\n' || b == 0);
            afterCr = false;
            if (swallow) {
                continue;
            }
            if (b == '\r' || b == '\n') {
                afterCr = b == '\r';
                echo("\r\n");
                out.flush();
                return line.toString();
            }
            if (b == 8 || b == 127) {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    if (!secret) {
                        echo("\b \b");
                    }
                }
            } else if (b >= 32 && b < 127 && line.length() < MAX_LINE) {
                line.append((char) b);
                if (!secret) {
                    echo(String.valueOf((char) b));
                }
            }
        }
    }

    void print(String s) throws IOException {
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            if ((b & 0xff) == IAC) {
                out.write(IAC);
            }
            out.write(b);
        }
    }

    void println(String s) throws IOException {
        print(s);
        print("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Reads and drops everything until the client goes away (a hung console). */
    void drain() throws IOException {
        byte[] buf = new byte[1024];
        while (in.read(buf) >= 0) {
            // never answers
        }
    }

    private void echo(String s) throws IOException {
        if (enabled[ECHO]) {
            print(s);
        }
    }

    private void command(int c) throws IOException {
        switch (c) {
            case WILL, WONT, DO, DONT -> {
                int opt = in.read();
                if (opt >= 0) {
                    negotiate(c, opt);
                }
            }
            case SB -> skipSubnegotiation();
            default -> {
                // NOP, GA, AYT, BRK, IP, ...: nothing to do for a line console
            }
        }
    }

    private void negotiate(int verb, int opt) throws IOException {
        boolean ours = opt == ECHO || opt == SUPPRESS_GO_AHEAD;
        switch (verb) {
            case DO -> {
                if (!ours) {
                    reply(WONT, opt);
                } else if (offered[opt]) {
                    offered[opt] = false;
                } else if (!enabled[opt]) {
                    enabled[opt] = true;
                    reply(WILL, opt);
                }
            }
            case DONT -> {
                if (ours && offered[opt]) {
                    offered[opt] = false;
                    enabled[opt] = false;
                } else if (ours && enabled[opt]) {
                    enabled[opt] = false;
                    reply(WONT, opt);
                }
            }
            case WILL -> reply(DONT, opt);
            default -> {
                // WONT: the client's options are off already
            }
        }
    }

    private void reply(int verb, int opt) throws IOException {
        out.write(new byte[] {(byte) IAC, (byte) verb, (byte) opt});
    }

    private void skipSubnegotiation() throws IOException {
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0 || (prev == IAC && b == SE)) {
                return;
            }
            prev = (prev == IAC && b == IAC) ? -1 : b;
        }
    }
}
