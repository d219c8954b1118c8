package org.st20xx.console.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringWriter;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.st20xx.ExitStatus;
import org.st20xx.console.ConnectionClosedException;
import org.st20xx.console.ConsoleInterruptedException;
import org.st20xx.console.ConsoleTransport;
import org.st20xx.console.FakeTicker;
import org.st20xx.console.FakeTransport;
import org.st20xx.console.SecretMasker;
import org.st20xx.console.Transcript;

class ExpectSessionTest {

    private static final NamedPattern PROMPT = NamedPattern.prompt("prompt", "^\\[administrator\\]# $");
    private static final NamedPattern LOGIN = NamedPattern.prompt("login", "^Login: $");
    private static final NamedPattern PASSWORD = NamedPattern.prompt("password", "^Password: $");
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private final StringWriter transcriptText = new StringWriter();
    private final Transcript transcript = new Transcript(transcriptText, new SecretMasker(),
            Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));

    private ExpectSession session(FakeTransport fake) {
        return ExpectSession.over(fake).ticker(fake.ticker()).transcript(transcript).build();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsPromptSplitAcrossChunks(long seed) {
        FakeTransport fake = new FakeTransport(seed, 3).output("Welcome\r\nLogin: ");

        Match match = session(fake).expect(LOGIN, FIVE_SECONDS);

        assertThat(fake.chunkSizes()).hasSizeGreaterThan(3);
        assertThat(match.name()).isEqualTo("login");
        assertThat(match.before()).isEqualTo("Welcome\n");
        assertThat(match.matched()).isEqualTo("Login: ");
    }

    @Test
    void keepsTextAfterMatchForNextExpect() {
        FakeTransport fake = FakeTransport.whole().output("tftp: 1234 bytes received\r\nDone\r\n[administrator]# ");
        ExpectSession session = session(fake);

        Match bytes = session.expect(NamedPattern.text("bytes", "(\\d+) bytes received"), FIVE_SECONDS);
        Match prompt = session.expect(PROMPT, FIVE_SECONDS);

        assertThat(fake.chunkSizes()).as("all output came in the first read").hasSize(1);
        assertThat(bytes.before()).isEqualTo("tftp: ");
        assertThat(bytes.group(1)).isEqualTo("1234");
        assertThat(prompt.before()).isEqualTo("\nDone\n");
        assertThat(prompt.elapsed()).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void normalisesCarriageReturnsAnsiAndNuls(long seed) {
        FakeTransport fake = new FakeTransport(seed, 4).output(
                "\u001b[1;32mOK\u001b[0m\r\n\u001b]0;title\u0007line2\n\r\0line3\r\r\n\u001b[K[administrator]# ");

        Match match = session(fake).expect(PROMPT, FIVE_SECONDS);

        assertThat(match.before()).isEqualTo("OK\nline2\nline3\n");
    }

    @Test
    void failureIndicatorWinsOverLaterPrompt() {
        FakeTransport fake = FakeTransport.whole().output("Error: file not found\r\n[administrator]# ");
        ExpectSession session = session(fake);
        NamedPattern failure = NamedPattern.failure("failure:no-file", "^Error: .*$");

        FailureIndicatorException e = catchThrowableOfType(FailureIndicatorException.class,
                () -> session.expect(List.of(PROMPT, failure), FIVE_SECONDS));

        assertThat(e.indicator()).isEqualTo("failure:no-file");
        assertThat(e.matched()).isEqualTo("Error: file not found");
        assertThat(e.awaited()).containsExactly("prompt", "failure:no-file");
        assertThat(e.tail()).isEqualTo("Error: file not found\n[administrator]# ");
        assertThat(e.status()).isEqualTo(ExitStatus.PHONE_FAILED);
        assertThat(e.getMessage()).contains("failure:no-file").doesNotContain("\n");
        // the prompt after the failure is still unread
        assertThat(session.expect(PROMPT, FIVE_SECONDS).before()).isEqualTo("\n");
    }

    @Test
    void failureAfterTheMatchIsLeftForTheNextWait() {
        FakeTransport fake = FakeTransport.whole().output("saved\nError: later\n");
        ExpectSession session = session(fake);
        NamedPattern failure = NamedPattern.failure("error", "Error: \\w+");

        Match match = session.expect(List.of(NamedPattern.text("saved", "^saved$"), failure), FIVE_SECONDS);

        assertThat(match.name()).isEqualTo("saved");
        assertThat(session.takeUnread()).isEqualTo("\nError: later\n");
    }

    @Test
    void failureFailsAtOnceWhenNothingElseMatched() {
        FakeTransport fake = new FakeTransport(1, 1000).output("tftp: Error: timeout\r\n");
        NamedPattern failure = NamedPattern.failure("tftp-error", "Error: \\w+");
        long start = fake.ticker().nanoTime();

        assertThatThrownBy(() -> session(fake).expect(List.of(PROMPT, failure), FIVE_SECONDS))
                .isInstanceOf(FailureIndicatorException.class);
        assertThat(fake.ticker().nanoTime()).as("no wait for the deadline").isEqualTo(start);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void textAndFailurePatternsSeeOnlyFinishedLines(long seed) {
        FakeTransport fake = new FakeTransport(seed, 4).output("Error: server refused\r\n[administrator]# ");
        NamedPattern failure = NamedPattern.failure("refused", "^Error: .*$");

        FailureIndicatorException e = catchThrowableOfType(FailureIndicatorException.class,
                () -> session(fake).expect(List.of(PROMPT, failure), FIVE_SECONDS));

        assertThat(e.matched()).isEqualTo("Error: server refused");
    }

    @Test
    void aFailureOnThePromptLineStillFails() {
        FakeTransport fake = FakeTransport.whole().output("ok\nError: bad[administrator]# ");
        NamedPattern prompt = NamedPattern.prompt("prompt", "\\]# $");
        NamedPattern failure = NamedPattern.failure("bad", "Error: \\w+");

        assertThatThrownBy(() -> session(fake).expect(List.of(prompt, failure), FIVE_SECONDS))
                .isInstanceOf(FailureIndicatorException.class)
                .hasMessage("failure indicator \"bad\" matched \"Error: bad\"");
    }

    @Test
    void anUnfinishedLineIsSeenByTextPatternsOnceTheConnectionEnds() {
        FakeTransport fake = new FakeTransport(1, 2).output("Rebooting").end();

        Match match = session(fake).expect(NamedPattern.text("rebooting", "^Rebooting$"), FIVE_SECONDS);

        assertThat(match.matched()).isEqualTo("Rebooting");
    }

    @Test
    void earliestMatchWinsAndEqualStartsGoToTheFirstListed() {
        FakeTransport fake = new FakeTransport(1, 1000).output("alpha beta\n");
        ExpectSession session = session(fake);

        Match first = session.expect(List.of(NamedPattern.text("beta", "beta"), NamedPattern.text("alpha", "alpha")),
                FIVE_SECONDS);
        Match tie = session.expect(List.of(NamedPattern.text("b", "b\\w+"), NamedPattern.text("be", "be")),
                FIVE_SECONDS);

        assertThat(first.name()).isEqualTo("alpha");
        assertThat(tie.name()).isEqualTo("b");
        assertThat(tie.matched()).isEqualTo("beta");
    }

    @Test
    void timeoutCarriesAwaitedNamesElapsedAndTail() {
        String longOutput = "x".repeat(2000) + "\nsome output\r\n[administrator]# ";
        FakeTransport fake = new FakeTransport(1, 700).output(longOutput);
        ExpectSession session = session(fake);

        ExpectTimeoutException e = catchThrowableOfType(ExpectTimeoutException.class,
                () -> session.expect(List.of(PASSWORD, NamedPattern.text("ok", "OK")), FIVE_SECONDS));

        assertThat(e.awaited()).containsExactly("password", "ok");
        assertThat(e.elapsed()).isEqualTo(FIVE_SECONDS);
        assertThat(e.tail()).hasSize(ExpectSession.TAIL_CHARS).endsWith("some output\n[administrator]# ");
        assertThat(e.getMessage()).startsWith("timed out after 5.000 s waiting for [password, ok]")
                .doesNotContain("\n");
        assertThat(session.isOpen()).isTrue();
        // the unread text is kept: a different wait can still use it
        assertThat(session.expect(PROMPT, FIVE_SECONDS).before()).endsWith("some output\n");
    }

    @Test
    void timeoutTailHasSecretsMasked() {
        FakeTransport fake = new FakeTransport(2, 2).output("Password: ").onWrite("784518", "784518\r\n");
        ExpectSession session = session(fake);
        session.expect(PASSWORD, FIVE_SECONDS);
        session.sendSecret("784518", "web-password");

        ExpectTimeoutException e = catchThrowableOfType(ExpectTimeoutException.class,
                () -> session.expect(PROMPT, FIVE_SECONDS));

        assertThat(e.tail()).isEqualTo("Password: ****\n");
        assertThat(e.getMessage()).doesNotContain("784518");
    }

    @Test
    void detectsConnectionClosedByPeer() {
        FakeTransport fake = new FakeTransport(3, 2).output("bye\r\n").end();
        ExpectSession session = session(fake);
        long start = fake.ticker().nanoTime();

        ConnectionClosedException e = catchThrowableOfType(ConnectionClosedException.class,
                () -> session.expect(PROMPT, FIVE_SECONDS));

        assertThat(e.awaited()).containsExactly("prompt");
        assertThat(e.tail()).isEqualTo("bye\n");
        assertThat(e.getCause()).isNull();
        assertThat(e.status()).isEqualTo(ExitStatus.PHONE_FAILED);
        assertThat(session.isOpen()).isFalse();
        assertThat(fake.ticker().nanoTime()).as("no wait for the deadline").isEqualTo(start);
        assertThatThrownBy(() -> session.send("anything")).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void matchesTextThatArrivedJustBeforeTheClose() {
        FakeTransport fake = new FakeTransport(3, 2).output("saved\r").end();

        Match match = session(fake).expect(NamedPattern.text("saved", "^saved\\n"), FIVE_SECONDS);

        assertThat(match.matched()).isEqualTo("saved\n");
    }

    @Test
    void brokenConnectionCountsAsClosedWithItsCause() {
        FakeTransport fake = new FakeTransport(1, 4).output("Rebooting").breakWith(new SocketException("Connection reset"));
        ExpectSession session = session(fake);

        ConnectionClosedException e = catchThrowableOfType(ConnectionClosedException.class,
                () -> session.expect(PROMPT, FIVE_SECONDS));

        assertThat(e.getCause()).isInstanceOf(SocketException.class);
        assertThat(e.getMessage()).startsWith("connection lost (Connection reset) while waiting for [prompt]");
    }

    @Test
    void awaitCloseReturnsWhenThePeerClosesAfterReboot() {
        FakeTransport fake = new FakeTransport(5, 3).output("[administrator]# ")
                .onWriteThenEnd("reboot immediate\r", "reboot immediate\r\nRebooting...\r\n");
        ExpectSession session = session(fake);
        session.expect(PROMPT, FIVE_SECONDS);
        session.send("reboot immediate");

        String printed = session.awaitClose(Duration.ofSeconds(30));
        transcript.close();

        assertThat(printed).isEqualTo("reboot immediate\nRebooting...\n");
        assertThat(session.isOpen()).isFalse();
        assertThat(transcriptText.toString()).contains(" -- connection closed by the remote side\n");
    }

    @Test
    void awaitCloseTimesOutWhileTheConnectionStaysOpen() {
        FakeTransport fake = new FakeTransport(1, 3).output("still here\r\n");
        ExpectSession session = session(fake);

        ExpectTimeoutException e = catchThrowableOfType(ExpectTimeoutException.class,
                () -> session.awaitClose(Duration.ofSeconds(2)));

        assertThat(e.awaited()).containsExactly("connection close");
        assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.tail()).isEqualTo("still here\n");
    }

    @Test
    void awaitCloseFailsOnAFailureIndicator() {
        FakeTransport fake = new FakeTransport(1, 3).output("Error: reboot refused\r\n").end();
        NamedPattern refused = NamedPattern.failure("refused", "reboot refused");

        assertThatThrownBy(() -> session(fake).awaitClose(FIVE_SECONDS, List.of(refused)))
                .isInstanceOf(FailureIndicatorException.class)
                .hasMessageContaining("\"refused\"");
    }

    @Test
    void secretEchoedSplitAcrossReadsIsMaskedInTheTranscript() {
        FakeTransport fake = new FakeTransport(11, 2)
                .output("Login: ")
                .onWrite("administrator\r", "administrator\r\nPassword: ")
                .onWrite("789234\r", "789234\r\n[administrator]# ");
        ExpectSession session = session(fake);

        session.expect(LOGIN, FIVE_SECONDS);
        session.send("administrator");
        session.expect(PASSWORD, FIVE_SECONDS);
        session.sendSecret("789234", "telnet-password");
        Match prompt = session.expect(PROMPT, FIVE_SECONDS);
        transcript.close();

        assertThat(fake.written()).isEqualTo("administrator\r789234\r");
        assertThat(prompt.before()).as("matches see the real text").isEqualTo("789234\n");
        assertThat(transcriptText.toString())
                .doesNotContain("789234")
                .doesNotContain("7892")
                .contains(" -- sending secret \"telnet-password\"\n")
                .contains(" >> ****\\r\n")
                .contains(" << ****\\r\\n\n");
    }

    @Test
    void sendAppendsTheConfiguredLineEnding() {
        FakeTransport cr = new FakeTransport(1, 1);
        FakeTransport crlf = new FakeTransport(1, 1);

        session(cr).send("version");
        ExpectSession.over(crlf).lineEnding("\r\n").build().send("version");

        assertThat(cr.written()).isEqualTo("version\r");
        assertThat(crlf.written()).isEqualTo("version\r\n");
    }

    @Test
    void sendRawWritesNoLineEnding() {
        FakeTransport fake = new FakeTransport(1, 1);

        session(fake).sendRaw("y");

        assertThat(fake.written()).isEqualTo("y");
    }

    @Test
    void refusesTextTheCharsetCannotCarry() {
        FakeTransport fake = new FakeTransport(1, 1);

        assertThatThrownBy(() -> session(fake).send("\u2192")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.written()).isEmpty();
    }

    @Test
    void promptIsOnlyMatchedInTheTail() {
        FakeTransport fake = new FakeTransport(1, 5000).output("[administrator]# \n" + "y".repeat(1500) + "\n");
        ExpectSession session = session(fake);

        assertThatThrownBy(() -> session.expect(PROMPT, Duration.ofSeconds(1)))
                .isInstanceOf(ExpectTimeoutException.class);
        // the same expression as a text pattern searches everything
        assertThat(session.expect(NamedPattern.text("anywhere", "^\\[administrator\\]# "), Duration.ofSeconds(1))
                .before()).isEmpty();
    }

    @Test
    void promptAfterLongOutputIsFound() {
        FakeTransport fake = new FakeTransport(4, 300).output("z".repeat(5000) + "\r\n[administrator]# ");

        Match match = session(fake).expect(PROMPT, FIVE_SECONDS);

        assertThat(match.before()).hasSize(5001);
    }

    @Test
    void aTailCutInsideALineIsNotALineStart() {
        String prompt = "[administrator]# ";
        FakeTransport fake = new FakeTransport(1, 100).output("xyz" + prompt);
        ExpectSession session = ExpectSession.over(fake).ticker(fake.ticker()).searchDepth(prompt.length()).build();

        assertThatThrownBy(() -> session.expect(PROMPT, Duration.ofSeconds(1)))
                .isInstanceOf(ExpectTimeoutException.class);
        assertThat(session.expect(NamedPattern.prompt("unanchored", "\\]# $"), Duration.ofSeconds(1)).before())
                .isEqualTo("xyz[administrator");
    }

    @Test
    void decodesUtf8SplitAcrossReads() {
        FakeTransport fake = new FakeTransport(1, 1).output("Grüße → ok\n".getBytes(StandardCharsets.UTF_8));
        ExpectSession session = ExpectSession.over(fake).ticker(fake.ticker()).charset(StandardCharsets.UTF_8).build();

        Match match = session.expect(NamedPattern.text("ok", "ok"), FIVE_SECONDS);

        assertThat(match.before()).isEqualTo("Grüße → ");
    }

    @Test
    void interruptedWaitStopsWithInterruptedStatus() {
        FakeTransport fake = new FakeTransport(1, 1);
        ExpectSession session = session(fake);
        Thread.currentThread().interrupt();
        try {
            ConsoleInterruptedException e = catchThrowableOfType(ConsoleInterruptedException.class,
                    () -> session.expect(PROMPT, FIVE_SECONDS));

            assertThat(e.status()).isEqualTo(ExitStatus.INTERRUPTED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSocketTimeoutFromATransportIsATimeoutNotAnInterrupt() {
        FakeTicker ticker = new FakeTicker();
        ConsoleTransport throwing = new ConsoleTransport() {
            @Override
            public void connect(Duration timeout) {
            }

            @Override
            public int read(byte[] buffer, Duration timeout) throws IOException {
                ticker.advance(timeout);
                throw new SocketTimeoutException("Read timed out");
            }

            @Override
            public void write(byte[] bytes) {
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        ExpectSession session = ExpectSession.over(throwing).ticker(ticker).build();

        assertThatThrownBy(() -> session.expect(PROMPT, Duration.ofSeconds(1)))
                .isInstanceOf(ExpectTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void rejectsWaitsWithNothingToSucceedOrDuplicateNames() {
        ExpectSession session = session(new FakeTransport(1, 1));

        assertThatThrownBy(() -> session.expect(List.of(NamedPattern.failure("f", "x")), FIVE_SECONDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.expect(List.of(PROMPT, PROMPT), FIVE_SECONDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.awaitClose(FIVE_SECONDS, List.of(PROMPT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeClosesTheTransportButNotTheTranscript() {
        FakeTransport fake = new FakeTransport(1, 1);
        ExpectSession session = session(fake);

        session.close();
        transcript.note("still writable");

        assertThat(fake.isOpen()).isFalse();
        assertThat(session.isOpen()).isFalse();
        assertThat(transcriptText.toString()).contains("-- session closed\n").contains("-- still writable\n");
        assertThatThrownBy(() -> session.expect(PROMPT, FIVE_SECONDS)).isInstanceOf(IllegalStateException.class);
    }
}
