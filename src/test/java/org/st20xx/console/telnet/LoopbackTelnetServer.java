package org.st20xx.console.telnet;

import static org.apache.commons.net.telnet.TelnetCommand.IAC;
import static org.apache.commons.net.telnet.TelnetCommand.DONT;
import static org.apache.commons.net.telnet.TelnetCommand.DO;
import static org.apache.commons.net.telnet.TelnetCommand.WONT;
import static org.apache.commons.net.telnet.TelnetCommand.WILL;
import static org.apache.commons.net.telnet.TelnetCommand.SB;
import static org.apache.commons.net.telnet.TelnetCommand.SE;
import static org.apache.commons.net.telnet.TelnetOption.ECHO;
import static org.apache.commons.net.telnet.TelnetOption.STATUS;
import static org.apache.commons.net.telnet.TelnetOption.SUPPRESS_GO_AHEAD;
import static org.apache.commons.net.telnet.TelnetOption.TERMINAL_TYPE;
import static org.apache.commons.net.telnet.TelnetOption.WINDOW_SIZE;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A telnet server on 127.0.0.1, port 0, for integration tests. It speaks real telnet: IAC option
 * negotiation (it offers ECHO and SUPPRESS-GO-AHEAD, asks for TERMINAL-TYPE, NAWS, and offers
 * STATUS), doubled IAC data bytes, CR LF / CR NUL line ends. What the client sends back is
 * recorded in queues the test reads with timeouts; no sleeps anywhere.
 */
final class LoopbackTelnetServer implements AutoCloseable {

    static final String USER = "administrator";
    static final String PASSWORD = "789234";
    static final String PROMPT = "[administrator]# ";

    /** What the server does with a connection. */
    enum Behaviour {
        /** An ST2030-like console: negotiation, {@code Login: }, {@code Password: }, commands. */
        CONSOLE,
        /** Accepts and never sends a byte (a hung device). */
        SILENT,
        /** Sends back every data byte it receives (IAC doubled), for binary round trips. */
        ECHO_BYTES,
        /** Sends {@code bye\r\n} and closes the connection. */
        BANNER_THEN_CLOSE
    }

    private static final Map<Integer, String> COMMANDS = Map.of(WILL, "WILL", WONT, "WONT", DO, "DO", DONT, "DONT");
    private static final Map<Integer, String> OPTIONS =
            Map.of(ECHO, "ECHO", SUPPRESS_GO_AHEAD, "SGA", STATUS, "STATUS", TERMINAL_TYPE, "TTYPE", WINDOW_SIZE, "NAWS");

    /** Negotiation the client sent, e.g. {@code "DO ECHO"}. */
    final BlockingQueue<String> negotiation = new LinkedBlockingQueue<>();
    /** Lines the client typed, as received (line end removed). */
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** What happened on the server side: {@code "hanging"}, {@code "client closed"}, {@code "server closed"}. */
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private final Behaviour behaviour;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    LoopbackTelnetServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        start("telnet-accept", this::acceptLoop);
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Stops listening, closes every connection and waits (bounded) for the threads to end. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                start("telnet-connection", () -> serve(socket));
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Connection c = new Connection(socket);
            switch (behaviour) {
                case CONSOLE -> console(c);
                case SILENT -> c.drain();
                case ECHO_BYTES -> c.echoBytes();
                case BANNER_THEN_CLOSE -> {
                    c.write("bye\r\n");
                    events.add("server closed");
                }
            }
        } catch (IOException e) {
            events.add("connection error: " + e.getMessage());
        }
    }

    private void console(Connection c) throws IOException {
        c.command(WILL, ECHO);
        c.command(WILL, SUPPRESS_GO_AHEAD);
        c.command(DO, SUPPRESS_GO_AHEAD);
        c.command(DO, TERMINAL_TYPE);
        c.command(DO, WINDOW_SIZE);
        c.command(WILL, STATUS);
        c.write("\r\nThomson ST2030 (loopback test console)\r\n");
        while (true) {
            c.write("Login: ");
            String user = c.readLine(true);
            c.write("Password: ");
            String password = c.readLine(false);
            if (user == null || password == null) {
                events.add("client closed");
                return;
            }
            c.write("\r\n");
            if (USER.equals(user) && PASSWORD.equals(password)) {
                break;
            }
            c.write("Login incorrect\r\n");
        }
        while (true) {
            // the prompt goes out in two packets, so a client may well read it in two pieces
            c.write("[admin");
            c.write("istrator]# ");
            String line = c.readLine(true);
            if (line == null) {
                events.add("client closed");
                return;
            }
            switch (line) {
                case "version" -> c.write("THOMSON ST2030 hw5 fw2.74 00-14-7F-E1-47-B3\r\n");
                case "fail" -> c.write("Error: no such file\r\n");
                case "exit" -> {
                    c.write("bye\r\n");
                    events.add("server closed");
                    return;
                }
                case "reboot immediate" -> {
                    c.write("Rebooting...\r\n");
                    events.add("server closed");
                    return;
                }
                case "hang" -> {
                    events.add("hanging");
                    c.drain();
                    return;
                }
                default -> c.write("unknown command: " + line + "\r\n");
            }
        }
    }

    /** One client connection: telnet parsing of what comes in, IAC doubling of what goes out. */
    private final class Connection {
        private final InputStream in;
        private final OutputStream out;
        private boolean afterCr;

        Connection(Socket socket) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream());
        }

        void command(int verb, int option) throws IOException {
            out.write(new byte[] {(byte) IAC, (byte) verb, (byte) option});
            out.flush();
        }

        void write(String text) throws IOException {
            writeData(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private void writeData(byte[] bytes) throws IOException {
            for (byte b : bytes) {
                out.write(b);
                if ((b & 0xff) == IAC) {
                    out.write(IAC);
                }
            }
        }

        /** The next data byte from the client, negotiation recorded and skipped; -1 at end. */
        int readData() throws IOException {
            while (true) {
                int b = in.read();
                if (b != IAC) {
                    return b;
                }
                int verb = in.read();
                if (verb < 0) {
                    return -1;
                }
                if (verb == IAC) {
                    return IAC;
                }
                if (COMMANDS.containsKey(verb)) {
                    int option = in.read();
                    negotiation.add(COMMANDS.get(verb) + " " + OPTIONS.getOrDefault(option, String.valueOf(option)));
                } else if (verb == SB) {
                    skipSubnegotiation();
                }
            }
        }

        private void skipSubnegotiation() throws IOException {
            int previous = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (previous == IAC && b == SE) {
                    return;
                }
                previous = b;
            }
        }

        /** A line ended by CR (maybe followed by LF or NUL) or LF; null at end of stream. */
        String readLine(boolean echo) throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = readData();
                if (b < 0) {
                    return null;
                }
                boolean skip = afterCr && (b == '\n' || b == 0);
                afterCr = false;
                if (skip) {
                    continue;
                }
                if (b == '\r' || b == '\n') {
                    afterCr = b == '\r';
                    if (echo) {
                        write("\r\n");
                    }
                    lines.add(line.toString());
                    return line.toString();
                }
                line.append((char) b);
                if (echo) {
                    writeData(new byte[] {(byte) b});
                    out.flush();
                }
            }
        }

        void echoBytes() throws IOException {
            int b;
            while ((b = readData()) >= 0) {
                writeData(new byte[] {(byte) b});
                if (in.available() == 0) {
                    out.flush();
                }
            }
            events.add("client closed");
        }

        /** Reads and ignores everything until the client closes. */
        void drain() throws IOException {
            while (readData() >= 0) {
                // silent
            }
            events.add("client closed");
        }
    }
}
