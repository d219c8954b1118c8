package org.st20xx.tftp;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One finished request: a completed or failed transfer, or a refusal. The server emits exactly
 * one per request it could parse (see {@link TransferListener#transferFinished}).
 *
 * @param request  the request as it arrived
 * @param outcome  how it ended
 * @param detail   why, in words, for logs ("" when complete); names a case-only mismatch when the
 *                 file was not found but one differing in letter case exists
 * @param file     the file the name resolved to (its real path under the root), or null when the
 *                 name did not resolve to a readable file
 * @param bytes    data bytes the client acknowledged (on the wire, so after netascii conversion)
 * @param blocks   data blocks the client acknowledged (a complete transfer of N bytes at block
 *                 size B has N / B + 1 blocks)
 * @param retries  how many times a timeout made the server send again
 * @param options  the options the server acknowledged (its OACK), names lower case; empty when
 *                 none were negotiated
 * @param start    when the request arrived
 * @param duration from the request to the end
 */
public record Transfer(TftpRequest request, Outcome outcome, String detail, Path file, long bytes, long blocks,
        int retries, Map<String, String> options, Instant start, Duration duration) {

    public Transfer {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (bytes < 0 || blocks < 0 || retries < 0) {
            throw new IllegalArgumentException("negative count in transfer of " + request.fileName());
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The client's address and port. */
    public InetSocketAddress client() {
        return request.client();
    }

    /** The name as the client requested it. */
    public String fileName() {
        return request.fileName();
    }

    /** The name as the client requested it, without its leading {@code /}s (see {@link TftpRequest#relativeName}). */
    public String relativeName() {
        return request.relativeName();
    }

    /** True when the client acknowledged the whole file. */
    public boolean complete() {
        return outcome == Outcome.COMPLETE;
    }

    /**
     * One line for a log: {@code 127.0.0.1:40312 COMPLETE "f.zz" 3000 bytes 6 blocks 0 retries
     * 12 ms [blksize=512 tsize=3000]} followed by the detail, if any. Control characters, quotes
     * and backslashes in the name and detail are escaped ({@code \x0a}, {@code \"}).
     */
    public String summary() {
        StringBuilder sb = new StringBuilder()
                .append(Addresses.format(client())).append(' ')
                .append(request.kind() == TftpRequest.Kind.WRITE ? "WRQ " : "")
                .append(outcome).append(" \"").append(printable(fileName())).append("\" ")
                .append(bytes).append(" bytes ").append(blocks).append(" blocks ")
                .append(retries).append(" retries ").append(duration.toMillis()).append(" ms");
        if (!options.isEmpty()) {
            StringJoiner joiner = new StringJoiner(" ", " [", "]");
            options.forEach((k, v) -> joiner.add(k + "=" + v));
            sb.append(joiner);
        }
        if (!detail.isEmpty()) {
            sb.append(": ").append(printable(detail));
        }
        return sb.toString();
    }

    /**
     * The text with control characters, quotes and backslashes escaped, so that a name chosen by
     * a client cannot break a log line in two or forge another one.
     */
    public static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
