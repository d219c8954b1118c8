package org.st20xx.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00.250Z"), ZoneOffset.UTC);

    private final StringWriter out = new StringWriter();
    private final SecretMasker masker = new SecretMasker();
    private final Transcript transcript = new Transcript(out, masker, CLOCK);

    @Test
    void recordsEachDirectionWithStampAndEscapedPayload() {
        transcript.received("Welcome\r\nLogin: ");
        transcript.sent("administrator\r");
        transcript.note("matched \"prompt\"");
        transcript.close();

        assertThat(out.toString()).isEqualTo("""
                # st20xx console transcript v1
                2024-05-01T10:00:00.250Z << Welcome\\r\\n
                2024-05-01T10:00:00.250Z << Login:\\x20
                2024-05-01T10:00:00.250Z >> administrator\\r
                2024-05-01T10:00:00.250Z -- matched "prompt"
                """);
    }

    @Test
    void anUnfinishedLineIsWrittenBeforeTheNextRecordAndContinuedAfterIt() {
        transcript.received("Pass");
        transcript.received("word: ");
        transcript.sent("x\r");
        transcript.received("\r\nok\r\n");
        transcript.close();

        assertThat(TranscriptLines.parse(out.toString()))
                .extracting(TranscriptLines.Entry::marker, TranscriptLines.Entry::payload)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("<<", "Password: "),
                        org.assertj.core.groups.Tuple.tuple(">>", "x\r"),
                        org.assertj.core.groups.Tuple.tuple("<<", "\r\n"),
                        org.assertj.core.groups.Tuple.tuple("<<", "ok\r\n"));
    }

    @Test
    void masksSecretsInSentTextNotesAndReceivedText() {
        masker.register("789234");

        transcript.sent("passwd 789234\r");
        transcript.note("login with 789234 failed");
        transcript.received("echo 7892");
        transcript.received("34\r\n");
        transcript.sentSecret("telnet-password", "\r");
        transcript.close();

        assertThat(out.toString()).doesNotContain("789234")
                .contains(" >> passwd ****\\r\n")
                .contains(" -- login with **** failed\n")
                .contains(" << echo ****\\r\\n\n")
                .contains(" -- sending secret \"telnet-password\"\n")
                .contains(" >> ****\\r\n");
    }

    @Test
    void closeWritesWhatWasHeldBackAndIsFinal() {
        masker.register("789234");
        transcript.received("last 789");

        transcript.close();
        transcript.close();
        transcript.received("more");
        transcript.note("after close");

        assertThat(TranscriptLines.joined(TranscriptLines.parse(out.toString()), "<<")).isEqualTo("last 789");
        assertThat(out.toString()).doesNotContain("more", "after close");
    }

    @Test
    void escapesControlCharactersSoEachRecordIsOneLine() {
        transcript.received("\u001b[1mA\tB\\C\0\u0007\u0085\n");
        transcript.close();

        assertThat(out.toString()).contains(" << \\e[1mA\\tB\\\\C\\0\\x07\\x85\\n\n");
        assertThat(TranscriptLines.joined(TranscriptLines.parse(out.toString()), "<<"))
                .isEqualTo("\u001b[1mA\tB\\C\0\u0007\u0085\n");
    }

    @Test
    void writesAFileInUtf8CreatingItsFolder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("runs/phone-1.transcript");

        try (Transcript t = Transcript.toFile(file, masker)) {
            t.received("Grüße\n");
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith(" << Grüße\\n\n");
    }

    @Test
    void aFailingSinkIsReported() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new Transcript(broken, masker, CLOCK))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }
}
