package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.credentials.Account;
import org.st20xx.credentials.Secret;
import org.st20xx.playbook.Playbook;

/** The telnet.html request against a loopback web server: its shape, and each way it can fail. */
class TelnetEnablerIT {
    private static final Playbook.WebAction POST = new Playbook.WebAction("POST", "/telnet.html",
            "telnet=on&apply=Apply", "web", Duration.ofSeconds(5));
    private static final Account WEB = new Account("administrator", Secret.of("s3cret-web"));

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization")
                    + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] page = "<html>ok</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(answer, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void postsTheFormWithBasicAuthentication() {
        TelnetEnabler.enable("127.0.0.1", port(), POST, WEB);
        assertThat(seen).containsExactly("POST /telnet.html Basic YWRtaW5pc3RyYXRvcjpzM2NyZXQtd2Vi"
                + " application/x-www-form-urlencoded telnet=on&apply=Apply");
    }

    @Test
    void aRefusedAccountNamesTheWebPasswordButNeverShowsIt() {
        answer = 401;
        assertThatThrownBy(() -> TelnetEnabler.enable("127.0.0.1", port(), POST, WEB))
                .isInstanceOfSatisfying(St20xxException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.PHONE_FAILED))
                .hasMessageContaining("refused the web account").hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("s3cret-web");
    }

    @Test
    void anErrorStatusFails() {
        answer = 500;
        assertThatThrownBy(() -> TelnetEnabler.enable("127.0.0.1", port(), POST, WEB))
                .hasMessageContaining("answered HTTP 500");
    }

    @Test
    void noWebServerIsNamed() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> TelnetEnabler.enable("127.0.0.1", closed, POST, WEB))
                .hasMessageContaining("no web server answers at http://127.0.0.1:" + closed + "/telnet.html");
    }
}
