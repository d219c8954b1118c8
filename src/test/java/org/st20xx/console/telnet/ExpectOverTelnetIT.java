package org.st20xx.console.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.st20xx.console.ConnectionClosedException;
import org.st20xx.console.SecretMasker;
import org.st20xx.console.Transcript;
import org.st20xx.console.expect.ExpectSession;
import org.st20xx.console.expect.ExpectTimeoutException;
import org.st20xx.console.expect.FailureIndicatorException;
import org.st20xx.console.expect.Match;
import org.st20xx.console.expect.NamedPattern;
import org.st20xx.console.telnet.LoopbackTelnetServer.Behaviour;

/** {@link TelnetTransport} and {@link ExpectSession} together against the loopback console. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ExpectOverTelnetIT {

    private static final Duration STEP = Duration.ofSeconds(5);
    private static final NamedPattern LOGIN = NamedPattern.prompt("login", "^Login: $");
    private static final NamedPattern PASSWORD = NamedPattern.prompt("password", "^Password: $");
    private static final NamedPattern PROMPT = NamedPattern.prompt("prompt", "^\\[administrator\\]# $");
    private static final NamedPattern LOGIN_INCORRECT = NamedPattern.failure("failure:login-incorrect", "^Login incorrect$");

    private final StringWriter transcriptText = new StringWriter();
    private final Transcript transcript = new Transcript(transcriptText, new SecretMasker(), Clock.systemUTC());
    private LoopbackTelnetServer server;
    private ExpectSession session;

    @AfterEach
    void tearDown() throws IOException {
        if (session != null) {
            session.close();
        }
        transcript.close();
        if (server != null) {
            server.close();
        }
    }

    private ExpectSession connect(Behaviour behaviour) throws IOException {
        server = new LoopbackTelnetServer(behaviour);
        TelnetTransport transport = new TelnetTransport(server.host(), server.port());
        transport.connect(Duration.ofSeconds(2));
        session = ExpectSession.over(transport).transcript(transcript).build();
        return session;
    }

    private ExpectSession logIn(String password) throws IOException {
        ExpectSession s = connect(Behaviour.CONSOLE);
        s.expect(LOGIN, STEP);
        s.send(LoopbackTelnetServer.USER);
        s.expect(PASSWORD, STEP);
        s.sendSecret(password, "telnet-password");
        s.expect(List.of(PROMPT, LOGIN_INCORRECT), STEP);
        return s;
    }

    @Test
    void logsInRunsACommandAndSeesTheServerCloseOnExit() throws Exception {
        ExpectSession s = logIn(LoopbackTelnetServer.PASSWORD);

        s.send("version");
        Match version = s.expect(List.of(PROMPT, NamedPattern.text("version", "fw(\\d+\\.\\d+)")), STEP);
        Match prompt = s.expect(PROMPT, STEP);
        s.send("exit");
        String last = s.awaitClose(STEP);
        transcript.close();

        assertThat(server.lines.poll(5, TimeUnit.SECONDS)).isEqualTo(LoopbackTelnetServer.USER);
        assertThat(server.lines.poll(5, TimeUnit.SECONDS)).as("password as typed, CR ended").isEqualTo("789234");
        assertThat(version.name()).isEqualTo("version");
        assertThat(version.group(1)).isEqualTo("2.74");
        assertThat(prompt.before()).isEqualTo(" 00-14-7F-E1-47-B3\n");
        assertThat(last).isEqualTo("exit\nbye\n");
        assertThat(s.isOpen()).isFalse();
        assertThat(transcriptText.toString())
                .doesNotContain(LoopbackTelnetServer.PASSWORD)
                .contains(" >> ****\\r\n")
                .contains(" >> version\\r\n")
                .contains(" -- connection closed by the remote side\n");
    }

    @Test
    void aRebootLooksLikeAClosedConnectionToAWaitingExpect() throws Exception {
        ExpectSession s = logIn(LoopbackTelnetServer.PASSWORD);

        s.send("reboot immediate");
        ConnectionClosedException e = catchThrowableOfType(ConnectionClosedException.class,
                () -> s.expect(PROMPT, STEP));

        assertThat(e.awaited()).containsExactly("prompt");
        assertThat(e.tail()).endsWith("reboot immediate\nRebooting...\n");
        assertThat(e.elapsed()).isLessThan(STEP);
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    void timesOutCleanlyWhenTheServerGoesSilent() throws Exception {
        ExpectSession s = logIn(LoopbackTelnetServer.PASSWORD);
        Duration timeout = Duration.ofMillis(500);

        s.send("hang");
        long start = System.nanoTime();
        ExpectTimeoutException e = catchThrowableOfType(ExpectTimeoutException.class, () -> s.expect(PROMPT, timeout));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(server.events.poll(5, TimeUnit.SECONDS)).isEqualTo("hanging");
        assertThat(e.awaited()).containsExactly("prompt");
        assertThat(e.elapsed()).isGreaterThanOrEqualTo(timeout);
        assertThat(took).as("deadline plus at most one poll and commons-net's pause").isLessThan(Duration.ofMillis(1500));
        assertThat(e.tail()).endsWith("[administrator]# hang\n");
        assertThat(s.isOpen()).isTrue();
    }

    @Test
    void timesOutWhenTheServerNeverSpeaks() throws Exception {
        ExpectSession s = connect(Behaviour.SILENT);

        ExpectTimeoutException e = catchThrowableOfType(ExpectTimeoutException.class,
                () -> s.expect(LOGIN, Duration.ofMillis(300)));

        assertThat(e.awaited()).containsExactly("login");
        assertThat(e.tail()).isEmpty();
        assertThat(e.getMessage()).endsWith("; no output");
    }

    @Test
    void aWrongPasswordIsReportedByItsFailureIndicator() throws Exception {
        assertThatThrownBy(() -> logIn("000000"))
                .isInstanceOf(FailureIndicatorException.class)
                .hasMessage("failure indicator \"failure:login-incorrect\" matched \"Login incorrect\"");
        assertThat(session.expect(LOGIN, STEP).name()).as("the console asks again").isEqualTo("login");
        transcript.close();
        assertThat(transcriptText.toString()).doesNotContain("000000");
    }

    @Test
    void aCommandThatFailsIsReportedByItsFailureIndicator() throws Exception {
        ExpectSession s = logIn(LoopbackTelnetServer.PASSWORD);

        s.send("fail");
        FailureIndicatorException e = catchThrowableOfType(FailureIndicatorException.class,
                () -> s.expect(List.of(PROMPT, NamedPattern.failure("failure:no-file", "^Error: .*$")), STEP));

        assertThat(e.indicator()).isEqualTo("failure:no-file");
        assertThat(e.matched()).isEqualTo("Error: no such file");
        assertThat(s.expect(PROMPT, STEP).before()).isEqualTo("\n");
    }

    @Test
    void closingTheSessionClosesTheConnection() throws Exception {
        ExpectSession s = logIn(LoopbackTelnetServer.PASSWORD);

        s.close();

        assertThat(server.events.poll(5, TimeUnit.SECONDS)).isEqualTo("client closed");
        assertThat(s.isOpen()).isFalse();
    }
}
