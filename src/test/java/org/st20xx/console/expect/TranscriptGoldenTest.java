package org.st20xx.console.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.st20xx.console.FakeTransport;
import org.st20xx.console.SecretMasker;
import org.st20xx.console.Transcript;

/**
 * A whole scripted login, commands and reboot, written to a transcript and compared with the
 * golden file {@code transcripts/expected/login-masked.transcript}. The phone echoes the password
 * in small pieces (chunks of 1 to 3 bytes), and a command line contains it too; the golden file
 * shows {@code ****} everywhere. On a mismatch the actual text is written to
 * {@code target/login-masked.transcript.actual} for review.
 */
class TranscriptGoldenTest {

    private static final String SECRET = "789234";
    private static final String GOLDEN = "/transcripts/expected/login-masked.transcript";
    private static final NamedPattern PROMPT = NamedPattern.prompt("prompt", "^\\[administrator\\]# $");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void maskedLoginTranscriptMatchesTheGoldenFile() throws IOException {
        FakeTransport phone = new FakeTransport(7, 3)
                .output("\r\nWelcome to ST2030\r\nLogin: ")
                .onWrite("administrator\r", "administrator\r\nPassword: ")
                .onWrite(SECRET + "\r", "\r\n\u001b[1m[administrator]#\u001b[0m ")
                .onWrite("sys show creds\r", "sys show creds\r\ntelnet password: " + SECRET + "\r\n[administrator]# ")
                .onWrite("tftp2 telcfg", "Error: server 127.0.0.1 refused password " + SECRET + "\r\n[administrator]# ")
                .onWriteThenEnd("reboot immediate\r", "reboot immediate\r\nRebooting...\r\n");
        StringWriter text = new StringWriter();
        Transcript transcript = new Transcript(text, new SecretMasker(),
                Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
        ExpectSession session = ExpectSession.over(phone).ticker(phone.ticker()).transcript(transcript).build();

        session.expect(NamedPattern.prompt("login", "^Login: $"), TIMEOUT);
        session.send("administrator");
        session.expect(NamedPattern.prompt("password", "^Password: $"), TIMEOUT);
        session.sendSecret(SECRET, "telnet-password");
        session.expect(PROMPT, TIMEOUT);
        session.send("sys show creds");
        Match creds = session.expect(PROMPT, TIMEOUT);
        session.send("tftp2 telcfg 127.0.0.1 TelConf2030SG_v1.66.2.txt " + SECRET);
        FailureIndicatorException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                FailureIndicatorException.class,
                () -> session.expect(List.of(PROMPT, NamedPattern.failure("failure:refused", "^Error: .*$")), TIMEOUT));
        session.expect(PROMPT, TIMEOUT);
        session.send("reboot immediate");
        session.awaitClose(TIMEOUT);
        transcript.close();

        String actual = text.toString();
        assertThat(creds.before()).as("callers see the real text").contains(SECRET);
        assertThat(refused.getMessage()).doesNotContain(SECRET).contains("****");
        assertThat(phone.chunkSizes()).as("output came in small pieces").allMatch(size -> size <= 3);
        assertThat(actual).doesNotContain(SECRET);
        String golden = golden();
        if (!actual.equals(golden)) {
            Files.writeString(Path.of("target/login-masked.transcript.actual"), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(golden);
    }

    private static String golden() throws IOException {
        try (InputStream in = TranscriptGoldenTest.class.getResourceAsStream(GOLDEN)) {
            if (in == null) {
                return "(missing " + GOLDEN + ")";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
