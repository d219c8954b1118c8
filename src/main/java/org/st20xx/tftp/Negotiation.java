package org.st20xx.tftp;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Option negotiation for a read request (RFC 2347). Supported: {@code blksize} (RFC 2348),
 * {@code tsize} and {@code timeout} (RFC 2349), {@code windowsize} (RFC 7440). Unknown options
 * are ignored, as RFC 2347 asks. A block or window size above what we serve is lowered to our
 * maximum (the RFCs let the server answer a smaller value); a value that is not a number, below
 * the minimum, or a timeout outside 1..255 s, and an option sent twice, refuse the request with
 * error 8.
 *
 * @param blockSize    data bytes per block
 * @param windowSize   blocks sent before waiting for an acknowledgement
 * @param timeout      how long to wait before sending again; null keeps the server's default
 * @param acknowledged the options to put in the OACK, in request order; {@code tsize} is a
 *                     placeholder until {@link #oack(long)} fills in the size
 */
record Negotiation(int blockSize, int windowSize, Duration timeout, Map<String, String> acknowledged) {
    static final int DEFAULT_BLOCK_SIZE = 512;
    static final int MIN_BLOCK_SIZE = 8;
    static final int MAX_BLOCK_SIZE = 65464;
    /** Our largest window: bounds the memory a netascii transfer keeps for resending. */
    static final int MAX_WINDOW_SIZE = 64;
    static final String BLKSIZE = "blksize";
    static final String TSIZE = "tsize";
    static final String TIMEOUT = "timeout";
    static final String WINDOWSIZE = "windowsize";

    /** The request's options cannot be accepted; the message goes into the error 8 packet. */
    static final class OptionException extends Exception {
        OptionException(String message) {
            super(message);
        }
    }

    Negotiation {
        acknowledged = Collections.unmodifiableMap(new LinkedHashMap<>(acknowledged));
    }

    static Negotiation negotiate(List<Map.Entry<String, String>> options) throws OptionException {
        int blockSize = DEFAULT_BLOCK_SIZE;
        int windowSize = 1;
        Duration timeout = null;
        Map<String, String> ack = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> option : options) {
            String name = option.getKey();
            String value = option.getValue();
            if (!seen.add(name)) {
                throw new OptionException("option " + name + " sent twice");
            }
            switch (name) {
                case BLKSIZE -> {
                    blockSize = (int) Math.min(number(name, value, MIN_BLOCK_SIZE), MAX_BLOCK_SIZE);
                    ack.put(name, Integer.toString(blockSize));
                }
                case WINDOWSIZE -> {
                    windowSize = (int) Math.min(number(name, value, 1), MAX_WINDOW_SIZE);
                    ack.put(name, Integer.toString(windowSize));
                }
                case TIMEOUT -> {
                    long seconds = number(name, value, 1);
                    if (seconds > 255) {
                        throw new OptionException("option timeout must be 1..255 seconds, not " + value);
                    }
                    timeout = Duration.ofSeconds(seconds);
                    ack.put(name, Long.toString(seconds));
                }
                case TSIZE -> {
                    number(name, value, 0);
                    ack.put(name, "0");
                }
                default -> {
                    // RFC 2347: options the server does not know are left out of the OACK
                }
            }
        }
        return new Negotiation(blockSize, windowSize, timeout, ack);
    }

    /** True when the client asked for the transfer size (the server must measure it). */
    boolean wantsSize() {
        return acknowledged.containsKey(TSIZE);
    }

    /**
     * The OACK options with the transfer size filled in; empty when no option was accepted. For
     * an empty file {@code tsize} is left out: curl (7.88 at least) rejects {@code tsize=0} as
     * invalid and gives up, and leaving an option out is always allowed (RFC 2347).
     */
    Map<String, String> oack(long size) {
        if (!wantsSize()) {
            return acknowledged;
        }
        Map<String, String> result = new LinkedHashMap<>(acknowledged);
        if (size == 0) {
            result.remove(TSIZE);
        } else {
            result.put(TSIZE, Long.toString(size));
        }
        return Collections.unmodifiableMap(result);
    }

    private static long number(String name, String value, long min) throws OptionException {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new OptionException("option " + name + " needs a decimal number, not '" + value + "'");
        }
        long n = Long.parseLong(value);
        if (n < min) {
            throw new OptionException("option " + name + " must be at least " + min + ", not " + value);
        }
        return n;
    }
}
