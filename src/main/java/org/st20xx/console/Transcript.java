package org.st20xx.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The whole console dialogue of one device, as readable text, with every registered secret
 * masked at the sink. One transcript may span several sessions (a phone that reboots and is
 * logged into again); sessions write to it but never close it: its owner does.
 *
 * <p>Format (UTF-8, one record a line; see docs/expect.md):
 * <pre>
 * # st20xx console transcript v1
 * 2024-05-01T10:00:00.120Z &lt;&lt; Login:\x20
 * 2024-05-01T10:00:00.130Z &gt;&gt; administrator\r
 * 2024-05-01T10:00:00.210Z -- sending secret "telnet-password"
 * 2024-05-01T10:00:00.210Z &gt;&gt; ****\r
 * 2024-05-01T10:00:00.300Z &lt;&lt; \r\n
 * 2024-05-01T10:00:00.300Z -- connection closed by the remote side
 * </pre>
 * {@code <<} received, {@code >>} sent, {@code --} an event written by the expect layer. The
 * payload after the marker and one space is escaped (see {@link ConsoleText#escape}), so
 * un-escaping the {@code <<} payloads in order gives back the received text exactly, secrets
 * replaced by {@code ****}. A received record ends after a line feed, or where another record
 * had to be written (an unfinished line such as a prompt), so the order of records is the order
 * of events.
 *
 * <p>Masking: sent text and notes are masked whole. Received text goes through a
 * {@link SecretMasker.Stream}, so a secret split across reads is still caught; the few
 * characters that could be the start of a secret are held back until the next read decides
 * them, or until {@link #close}. Secrets must be registered before they can appear.
 *
 * <p>Every record is flushed to the sink when written, so a transcript survives a crash. A write
 * error is thrown as {@link UncheckedIOException}. Thread-safe.
 */
public final class Transcript implements AutoCloseable {

    /** First line of every transcript. */
    public static final String HEADER = "# st20xx console transcript v1";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Writer sink;
    private final SecretMasker masker;
    private final Clock clock;
    private final SecretMasker.Stream received;
    /** The received line being assembled (already masked), and when its first character came. */
    private final StringBuilder line = new StringBuilder();
    private String lineStamp;
    private boolean closed;

    /**
     * A transcript written to {@code sink} (which it closes on {@link #close}).
     *
     * @param masker the secrets to mask; sessions register theirs here
     * @param clock  wall-clock time for the record stamps (UTC, milliseconds)
     */
    public Transcript(Writer sink, SecretMasker masker, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.masker = Objects.requireNonNull(masker, "masker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.received = masker.stream();
        write(HEADER + "\n");
    }

    /** A transcript in {@code file} (UTF-8, created or truncated, parent folders created). */
    public static Transcript toFile(Path file, SecretMasker masker) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new Transcript(Files.newBufferedWriter(file, StandardCharsets.UTF_8), masker, Clock.systemUTC());
    }

    /** A transcript that writes nothing but still masks (for exception messages) with {@code masker}. */
    public static Transcript discarding(SecretMasker masker) {
        return new Transcript(Writer.nullWriter(), masker, Clock.systemUTC());
    }

    /** The masker of this transcript; register secrets here. */
    public SecretMasker masker() {
        return masker;
    }

    /** Text received from the device (decoded, not normalised), in arrival order. */
    public synchronized void received(CharSequence text) {
        if (closed) {
            return;
        }
        appendReceived(received.push(text));
    }

    /** Text sent to the device, line ending included. */
    public synchronized void sent(CharSequence text) {
        if (closed) {
            return;
        }
        endLine();
        record(">>", stamp(), masker.mask(text));
    }

    /**
     * A secret was sent: writes a note naming it and then {@code ****} plus {@code lineEnding}
     * as the sent record. The secret itself never reaches this class.
     */
    public synchronized void sentSecret(String name, String lineEnding) {
        if (closed) {
            return;
        }
        endLine();
        String stamp = stamp();
        record("--", stamp, masker.mask("sending secret \"" + name + "\""));
        record(">>", stamp, SecretMasker.MASK + masker.mask(lineEnding));
    }

    /** An event worth reading next to the dialogue (matched, timed out, closed...). */
    public synchronized void note(String text) {
        if (closed) {
            return;
        }
        endLine();
        record("--", stamp(), masker.mask(text));
    }

    /** Writes what was held back for masking, and closes the sink. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        appendReceived(received.finish());
        endLine();
        try {
            sink.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close transcript: " + e.getMessage(), e);
        }
    }

    private void appendReceived(String safe) {
        for (int i = 0; i < safe.length(); i++) {
            if (line.length() == 0) {
                lineStamp = stamp();
            }
            char c = safe.charAt(i);
            line.append(c);
            if (c == '\n') {
                endLine();
            }
        }
    }

    /** Writes the received line assembled so far, if any. */
    private void endLine() {
        if (line.length() > 0) {
            record("<<", lineStamp, line);
            line.setLength(0);
        }
    }

    private void record(String marker, String stamp, CharSequence payload) {
        write(stamp + ' ' + marker + ' ' + ConsoleText.escape(payload) + '\n');
    }

    private void write(String text) {
        try {
            sink.write(text);
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write transcript: " + e.getMessage(), e);
        }
    }

    private String stamp() {
        return STAMP.format(clock.instant());
    }
}
