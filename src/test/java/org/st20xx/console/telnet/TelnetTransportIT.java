package org.st20xx.console.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.st20xx.console.ConsoleTransport;
import org.st20xx.console.telnet.LoopbackTelnetServer.Behaviour;

/** {@link TelnetTransport} against a real telnet server on loopback. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TelnetTransportIT {

    private static final Duration CONNECT = Duration.ofSeconds(2);

    private LoopbackTelnetServer server;
    private TelnetTransport transport;

    @AfterEach
    void tearDown() throws IOException {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Starts a server with {@code behaviour} and connects a transport to it. */
    private TelnetTransport connect(Behaviour behaviour) throws IOException {
        server = new LoopbackTelnetServer(behaviour);
        transport = new TelnetTransport(server.host(), server.port());
        transport.connect(CONNECT);
        return transport;
    }

    /** Reads until {@code expected} has arrived (or end of stream, or 5 s); returns what came. */
    private static String readUntil(ConsoleTransport transport, String expected) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains(expected) && System.nanoTime() < deadline) {
            int count = transport.read(buffer, Duration.ofMillis(200));
            if (count == ConsoleTransport.EOF) {
                break;
            }
            if (count > 0) {
                seen.write(buffer, 0, count);
            }
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void acceptsEchoAndSuppressGoAheadAndRefusesEverythingElse() throws Exception {
        String text = readUntil(connect(Behaviour.CONSOLE), "Login: ");

        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(server.negotiation.poll(5, TimeUnit.SECONDS));
        }
        assertThat(text).isEqualTo("\r\nThomson ST2030 (loopback test console)\r\nLogin: ");
        assertThat(replies).containsExactlyInAnyOrder(
                "DO ECHO", "DO SGA", "WILL SGA", "WONT TTYPE", "WONT NAWS", "DONT STATUS");
        assertThat(server.negotiation).isEmpty();
    }

    @Test
    void passesEveryByteValueThroughUnchanged() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        connect(Behaviour.ECHO_BYTES).write(all);

        String back = readUntil(transport, "\u00fd\u00fe\u00ff");

        assertThat(back.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
    }

    @Test
    void writeSendsTheLineEndingAsGiven() throws Exception {
        connect(Behaviour.ECHO_BYTES).write("a\rb\r\nc\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(readUntil(transport, "c\n")).isEqualTo("a\rb\r\nc\n");
    }

    @Test
    void readTimesOutWithinItsBoundOnASilentServer() throws Exception {
        connect(Behaviour.SILENT);

        long start = System.nanoTime();
        int result = transport.read(new byte[64], Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEqualTo(ConsoleTransport.TIMEOUT);
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofMillis(1500));
        assertThat(transport.isOpen()).isTrue();
    }

    @Test
    void readReportsEndOfStreamWhenTheServerCloses() throws Exception {
        String text = readUntil(connect(Behaviour.BANNER_THEN_CLOSE), "never sent");

        assertThat(text).isEqualTo("bye\r\n");
        assertThat(transport.isOpen()).isFalse();
        assertThat(server.events.poll(5, TimeUnit.SECONDS)).isEqualTo("server closed");
    }

    @Test
    void connectFailsWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        transport = new TelnetTransport("127.0.0.1", port);

        assertThatThrownBy(() -> transport.connect(CONNECT)).isInstanceOf(IOException.class);
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void refusesUseAfterCloseAndASecondConnect() throws Exception {
        connect(Behaviour.SILENT);

        assertThatThrownBy(() -> transport.connect(CONNECT)).isInstanceOf(IllegalStateException.class);
        transport.close();
        transport.close();

        assertThat(transport.isOpen()).isFalse();
        assertThatThrownBy(() -> transport.write(new byte[] {'x'})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> transport.read(new byte[8], Duration.ofMillis(10))).isInstanceOf(IOException.class);
        assertThat(server.events.poll(5, TimeUnit.SECONDS)).isEqualTo("client closed");
    }
}
