package org.st20xx.console.expect;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import org.st20xx.console.ConnectionClosedException;
import org.st20xx.console.ConsoleInterruptedException;
import org.st20xx.console.ConsoleText;
import org.st20xx.console.ConsoleTransport;
import org.st20xx.console.SecretMasker;
import org.st20xx.console.Ticker;
import org.st20xx.console.Transcript;

/**
 * An expect-style dialogue over a connected {@link ConsoleTransport}: send a line, then wait for
 * one of several named patterns, every wait with a deadline.
 *
 * <p>Received bytes are decoded (ISO-8859-1 unless told otherwise), written to the transcript as
 * they are, normalised (see {@link TextNormaliser}: line breaks as {@code \n}, no ANSI sequences,
 * no NUL) and added to the <em>unread text</em>. {@link #expect} looks for its patterns in the
 * unread text after every read; when one matches, the text up to the end of the match is
 * consumed and the rest stays unread for the next call. Reading polls the transport with short
 * bounded reads ({@code pollInterval}) until the deadline.
 *
 * <p>Prompt patterns are looked for in the line-aligned tail of the unread text, unfinished last
 * line included (a prompt waits for input without a line break). Text and failure patterns see
 * only complete lines (up to the last line break; all of it once the connection has ended), so
 * {@code Error: .*$} can never match half a line that is still arriving.
 *
 * <p>Outcomes of a wait: a {@link Match}; {@link FailureIndicatorException} (a failure pattern
 * matched); {@link ExpectTimeoutException} (deadline passed; connection still open);
 * {@link ConnectionClosedException} (the remote side closed or broke the connection; a phone
 * rebooting looks like this, see {@link #awaitClose}); {@link ConsoleInterruptedException} (the
 * thread was interrupted). Text in exceptions and in the transcript has secrets masked.
 *
 * <p>A session is used by one thread. Closing it closes the transport, not the transcript.
 */
public final class ExpectSession implements AutoCloseable {

    /** How many characters of recent output a timeout or failure carries. */
    public static final int TAIL_CHARS = 512;
    /** Default {@code searchDepth}: prompts are looked for in this many last characters. */
    public static final int DEFAULT_SEARCH_DEPTH = 1000;
    /** Default {@code pollInterval}: the longest single read while waiting. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);
    /** Unread text beyond this many characters is dropped from the front (it was searched already). */
    static final int MAX_UNREAD = 1 << 20;
    private static final String CLOSE = "connection close";

    private final ConsoleTransport transport;
    private final String lineEnding;
    private final Charset charset;
    private final Transcript transcript;
    private final SecretMasker masker;
    private final int searchDepth;
    private final Duration pollInterval;
    private final Ticker ticker;

    private final byte[] readBuffer = new byte[4096];
    private final StreamDecoder decoder;
    private final TextNormaliser normaliser = new TextNormaliser();
    private final StringBuilder unread = new StringBuilder();
    /** Recent normalised output with secrets masked (a masking stream, so no cut can expose a secret). */
    private final SecretMasker.Stream recentMasking;
    private final StringBuilder recent = new StringBuilder();

    private boolean ended;
    private IOException endCause;
    private boolean closed;

    private ExpectSession(Builder b) {
        this.transport = b.transport;
        this.lineEnding = b.lineEnding;
        this.charset = b.charset;
        this.transcript = b.transcript != null ? b.transcript : Transcript.discarding(new SecretMasker());
        this.masker = transcript.masker();
        this.searchDepth = b.searchDepth;
        this.pollInterval = b.pollInterval;
        this.ticker = b.ticker;
        this.decoder = new StreamDecoder(charset);
        this.recentMasking = masker.stream();
        transcript.note("session on " + transport);
    }

    /** A builder for a session over {@code transport}, which the caller has connected. */
    public static Builder over(ConsoleTransport transport) {
        return new Builder(transport);
    }

    /** Writes {@code line} followed by the session's line ending. */
    public void send(String line) {
        String text = line + lineEnding;
        write(encode(text));
        transcript.sent(text);
    }

    /** Writes {@code text} as it is, without a line ending (a single key, a partial answer). */
    public void sendRaw(String text) {
        write(encode(text));
        transcript.sent(text);
    }

    /**
     * Writes {@code secret} followed by the line ending. The secret is registered with the
     * transcript's masker first, so the transcript shows {@code ****} here and wherever the
     * device echoes it; {@code name} (e.g. {@code "telnet-password"}) is noted instead.
     */
    public void sendSecret(String secret, String name) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(name, "name");
        masker.register(secret);
        write(encode(secret + lineEnding));
        transcript.sentSecret(name, lineEnding);
    }

    /**
     * Waits until one of {@code patterns} matches the unread text, the deadline passes, or the
     * connection ends.
     *
     * <p>Which pattern wins: among prompt and text patterns, the match that starts first (equal
     * starts: the one listed first). A failure pattern wins over it when the failure match starts
     * before the end of that match (it is then also looked for on the prompt's own line), and
     * wins at once when nothing else has matched yet. The unread text is consumed up to the end
     * of the winning match.
     *
     * @param patterns at least one prompt or text pattern, plus any failure patterns; names unique
     * @param timeout  how long to wait in total
     * @return the match of a prompt or text pattern
     * @throws FailureIndicatorException  when a failure pattern wins
     * @throws ExpectTimeoutException     when nothing matched in time (unread text is kept)
     * @throws ConnectionClosedException  when the connection ended first (text received before
     *                                    the end is still matched first)
     * @throws ConsoleInterruptedException when the thread is interrupted
     */
    public Match expect(List<NamedPattern> patterns, Duration timeout) {
        checkPatterns(patterns);
        List<String> names = patterns.stream().map(NamedPattern::name).toList();
        List<NamedPattern> wanted = new ArrayList<>();
        List<NamedPattern> failures = new ArrayList<>();
        for (NamedPattern p : patterns) {
            (p.isFailure() ? failures : wanted).add(p);
        }
        long start = ticker.nanoTime();
        long deadline = deadline(start, timeout);
        while (true) {
            Hit hit = find(wanted, failures);
            if (hit != null && hit.pattern().isFailure()) {
                throw fail(hit, names, start);
            }
            if (hit != null) {
                return accept(hit, start);
            }
            if (ended) {
                throw new ConnectionClosedException(names, elapsed(start), recent(), endCause);
            }
            long remaining = deadline - ticker.nanoTime();
            if (remaining <= 0) {
                Duration elapsed = elapsed(start);
                transcript.note("timed out after " + ConsoleText.seconds(elapsed) + " waiting for " + names);
                throw new ExpectTimeoutException(names, elapsed, recent());
            }
            poll(remaining);
        }
    }

    /** {@link #expect(List, Duration)} with a single pattern. */
    public Match expect(NamedPattern pattern, Duration timeout) {
        return expect(List.of(pattern), timeout);
    }

    /**
     * Waits for the remote side to close the connection (a phone rebooting), reading and
     * recording whatever it prints meanwhile. A broken connection (reset) counts as closed.
     *
     * @return the unread text, including what arrived while waiting; it is consumed
     * @throws ExpectTimeoutException when the connection is still open at the deadline (awaited
     *                                name {@code "connection close"})
     */
    public String awaitClose(Duration timeout) {
        return awaitClose(timeout, List.of());
    }

    /**
     * {@link #awaitClose(Duration)}, failing with {@link FailureIndicatorException} when one of
     * {@code failures} (all {@link NamedPattern.Kind#FAILURE}) appears before the close.
     */
    public String awaitClose(Duration timeout, List<NamedPattern> failures) {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        for (NamedPattern failure : failures) {
            if (!failure.isFailure()) {
                throw new IllegalArgumentException("not a failure pattern: " + failure.name());
            }
        }
        long start = ticker.nanoTime();
        long deadline = deadline(start, timeout);
        while (true) {
            Hit failure = earliest(failures, completeLines(), Integer.MAX_VALUE);
            if (failure != null) {
                throw fail(failure, List.of(CLOSE), start);
            }
            if (ended) {
                return takeUnread();
            }
            long remaining = deadline - ticker.nanoTime();
            if (remaining <= 0) {
                Duration elapsed = elapsed(start);
                transcript.note("timed out after " + ConsoleText.seconds(elapsed) + " waiting for " + CLOSE);
                throw new ExpectTimeoutException(List.of(CLOSE), elapsed, recent());
            }
            poll(remaining);
        }
    }

    /** Returns the unread text (normalised) and forgets it; to start the next wait afresh. */
    public String takeUnread() {
        String text = unread.toString();
        unread.setLength(0);
        return text;
    }

    /** True until the remote side ended the connection or this session was closed. */
    public boolean isOpen() {
        return !closed && !ended && transport.isOpen();
    }

    /** Closes the transport (not the transcript). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        if (!ended) {
            transcript.note("session closed");
        }
    }

    // --- waiting ---------------------------------------------------------------------------

    /** One bounded read of at most {@code remainingNanos} (and at most the poll interval). */
    private void poll(long remainingNanos) {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw interrupted(null);
        }
        Duration wait = Duration.ofNanos(Math.min(remainingNanos, pollInterval.toNanos()));
        int count;
        try {
            count = transport.read(readBuffer, wait);
        } catch (SocketTimeoutException e) {
            return; // a transport that throws instead of returning TIMEOUT: still just a timeout
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        } catch (IOException e) {
            end(e);
            return;
        }
        if (count > 0) {
            received(decoder.decode(readBuffer, 0, count));
        } else if (count == ConsoleTransport.EOF) {
            end(null);
        }
    }

    private void received(String text) {
        transcript.received(text);
        StringBuilder normal = new StringBuilder(text.length());
        normaliser.normalise(text, normal);
        addUnread(normal);
    }

    private void end(IOException cause) {
        ended = true;
        endCause = cause;
        String rest = decoder.finish();
        transcript.received(rest);
        StringBuilder normal = new StringBuilder();
        normaliser.normalise(rest, normal);
        normaliser.finish(normal);
        addUnread(normal);
        transcript.note(cause == null
                ? "connection closed by the remote side"
                : "connection lost: " + cause.getMessage());
        transport.close();
    }

    private void addUnread(CharSequence normal) {
        unread.append(normal);
        if (unread.length() > MAX_UNREAD) {
            unread.delete(0, unread.length() - MAX_UNREAD);
        }
        recent.append(recentMasking.push(normal));
        if (recent.length() > 2 * TAIL_CHARS) {
            recent.delete(0, recent.length() - TAIL_CHARS);
        }
    }

    /** The last {@link #TAIL_CHARS} characters of output, secrets masked. */
    private String recent() {
        return recent.substring(Math.max(0, recent.length() - TAIL_CHARS));
    }

    // --- matching --------------------------------------------------------------------------

    /** A pattern's first match in the unread text. */
    private record Hit(NamedPattern pattern, int start, int end, String matched, List<String> groups) {
    }

    /** The winning match of {@code wanted} (prompt and text patterns) and {@code failures}, or null. */
    private Hit find(List<NamedPattern> wanted, List<NamedPattern> failures) {
        int complete = completeLines();
        Hit success = earliest(wanted, complete, Integer.MAX_VALUE);
        if (success == null) {
            return earliest(failures, complete, Integer.MAX_VALUE);
        }
        // failures up to the end of the success, even on the prompt's own unfinished line
        Hit failure = earliest(failures, Math.max(complete, success.end()), success.end());
        return failure != null ? failure : success;
    }

    /**
     * Where the complete lines of the unread text end: after its last line break, or at its end
     * once the connection has ended (nothing more can finish the last line).
     */
    private int completeLines() {
        return ended ? unread.length() : unread.lastIndexOf("\n") + 1;
    }

    /**
     * The match that starts first among {@code patterns} (ties: the one listed first), ignoring
     * matches that start at or after {@code startLimit}; null when none. Prompts are looked for in
     * the line-aligned tail of all unread text, other patterns in {@code [0, regionEnd)}.
     */
    private Hit earliest(List<NamedPattern> patterns, int regionEnd, int startLimit) {
        Hit best = null;
        int length = unread.length();
        int tail = tailStart(length);
        for (NamedPattern p : patterns) {
            Matcher m = p.pattern().matcher(unread);
            if (p.kind() == NamedPattern.Kind.PROMPT) {
                // transparent, non-anchoring bounds: ^ and lookbehind see the text before the tail
                m.region(tail, length).useTransparentBounds(true).useAnchoringBounds(false);
            } else {
                m.region(0, regionEnd);
            }
            if (m.find() && m.start() < startLimit && (best == null || m.start() < best.start())) {
                List<String> groups = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    groups.add(m.group(g));
                }
                best = new Hit(p, m.start(), m.end(), m.group(), groups);
            }
        }
        return best;
    }

    /**
     * Where the line-aligned tail starts: {@code searchDepth} characters from the end, moved
     * forward to the next line start (unless no line starts in that window).
     */
    private int tailStart(int length) {
        int start = length - searchDepth;
        if (start <= 0) {
            return 0;
        }
        if (unread.charAt(start - 1) == '\n') {
            return start;
        }
        int newline = unread.indexOf("\n", start);
        return newline < 0 ? start : newline + 1;
    }

    /** Consumes the unread text through {@code hit}, a prompt or text match. */
    private Match accept(Hit hit, long start) {
        String before = unread.substring(0, hit.start());
        unread.delete(0, hit.end());
        Duration elapsed = elapsed(start);
        String name = hit.pattern().name();
        transcript.note("matched \"" + name + "\" after " + ConsoleText.seconds(elapsed));
        return new Match(name, before, hit.matched(), hit.groups(), elapsed);
    }

    /** Consumes the unread text through {@code hit}, a failure match; returns the exception to throw. */
    private FailureIndicatorException fail(Hit hit, List<String> awaited, long start) {
        unread.delete(0, hit.end());
        Duration elapsed = elapsed(start);
        String name = hit.pattern().name();
        transcript.note("failure indicator \"" + name + "\" matched after " + ConsoleText.seconds(elapsed));
        return new FailureIndicatorException(name, masker.mask(hit.matched()), awaited, elapsed, recent());
    }

    private void checkPatterns(List<NamedPattern> patterns) {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        Set<String> names = new HashSet<>();
        boolean success = false;
        for (NamedPattern p : patterns) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two patterns named \"" + p.name() + "\"");
            }
            success |= !p.isFailure();
        }
        if (!success) {
            throw new IllegalArgumentException("no prompt or text pattern to wait for: " + names);
        }
    }

    // --- sending ---------------------------------------------------------------------------

    private byte[] encode(String text) {
        try {
            ByteBuffer bytes = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text cannot be sent in " + charset + ": " + masker.mask(text), e);
        }
    }

    private void write(byte[] bytes) {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        if (ended) {
            throw new ConnectionClosedException(List.of(), Duration.ZERO, recent(), endCause);
        }
        try {
            transport.write(bytes);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        } catch (IOException e) {
            end(e);
            throw new ConnectionClosedException(List.of(), Duration.ZERO, recent(), e);
        }
    }

    // --- time ------------------------------------------------------------------------------

    private static long deadline(long start, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
        return start + nanos;
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(ticker.nanoTime() - start);
    }

    private ConsoleInterruptedException interrupted(Throwable cause) {
        transcript.note("interrupted");
        return new ConsoleInterruptedException("interrupted while talking to " + transport, cause);
    }

    /** Settings of an {@link ExpectSession}; only the transport is required. */
    public static final class Builder {
        private final ConsoleTransport transport;
        private String lineEnding = "\r";
        private Charset charset = StandardCharsets.ISO_8859_1;
        private Transcript transcript;
        private int searchDepth = DEFAULT_SEARCH_DEPTH;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Ticker ticker = Ticker.system();

        private Builder(ConsoleTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** What {@link #send} and {@link #sendSecret} append; default {@code "\r"} (may be empty). */
        public Builder lineEnding(String lineEnding) {
            this.lineEnding = Objects.requireNonNull(lineEnding, "lineEnding");
            return this;
        }

        /**
         * How bytes become text and back; default ISO-8859-1, which maps every byte to one
         * character and never fails. Use UTF-8 for consoles that print it (a character split
         * between reads is still decoded whole; malformed bytes become U+FFFD).
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** Where the dialogue is recorded, and whose masker holds the secrets; default none. */
        public Builder transcript(Transcript transcript) {
            this.transcript = Objects.requireNonNull(transcript, "transcript");
            return this;
        }

        /** How many last characters of unread text prompts are looked for in; default 1000. */
        public Builder searchDepth(int searchDepth) {
            if (searchDepth < 1) {
                throw new IllegalArgumentException("searchDepth must be positive: " + searchDepth);
            }
            this.searchDepth = searchDepth;
            return this;
        }

        /** The longest single read while waiting; default 100 ms. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** The time source for deadlines; default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The session; notes its start in the transcript. */
        public ExpectSession build() {
            return new ExpectSession(this);
        }
    }
}
