package org.st20xx.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every registered secret with {@link #MASK}. Thread-safe: secrets may be registered
 * while streams are in use; they apply to all text processed from then on.
 *
 * <p>Rule, the same for {@link #mask} and for a {@link Stream} however its text is chunked: scan
 * left to right; where one or more secrets start, replace the longest and continue after it. So
 * when no secret contains {@code *}, no secret can be left in the output.
 *
 * <p>A {@link Stream} masks text that arrives in pieces (console reads): it holds back a tail that
 * could still become a secret (at most the longest secret's length minus one character) until the
 * next piece decides it, or until {@link Stream#finish()}.
 */
public final class SecretMasker {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Registered secrets, longest first; replaced as a whole on change (copy on write). */
    private volatile List<String> secrets = List.of();

    /**
     * Registers {@code secret}; from now on it is masked wherever it appears. Null or empty
     * values are ignored (there is nothing to hide).
     */
    public synchronized void register(String secret) {
        if (secret == null || secret.isEmpty() || secrets.contains(secret)) {
            return;
        }
        List<String> next = new ArrayList<>(secrets);
        next.add(secret);
        next.sort(Comparator.comparingInt(String::length).reversed());
        secrets = List.copyOf(next);
    }

    /** True when at least one secret is registered. */
    public boolean hasSecrets() {
        return !secrets.isEmpty();
    }

    /** {@code text} with every registered secret replaced by {@link #MASK}. */
    public String mask(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        scan(text, true, out);
        return out.toString();
    }

    /** A new stream that masks text arriving in pieces. */
    public Stream stream() {
        return new Stream();
    }

    /**
     * Appends the masked form of {@code text} to {@code out}. With {@code atEnd} false it stops
     * at the first position where a secret has begun but the text ends before it could be
     * decided, and returns that position; with {@code atEnd} true it always returns the length.
     */
    private int scan(CharSequence text, boolean atEnd, StringBuilder out) {
        List<String> current = secrets;
        int length = text.length();
        if (current.isEmpty()) {
            out.append(text);
            return length;
        }
        int i = 0;
        while (i < length) {
            int longest = 0;
            for (String secret : current) {
                int available = length - i;
                if (available >= secret.length()) {
                    if (secret.length() > longest && startsWith(text, i, secret, secret.length())) {
                        longest = secret.length();
                    }
                } else if (!atEnd && startsWith(text, i, secret, available)) {
                    return i; // a (longer) secret may still complete with the next piece
                }
            }
            if (longest > 0) {
                out.append(MASK);
                i += longest;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return i;
    }

    private static boolean startsWith(CharSequence text, int offset, String secret, int count) {
        for (int k = 0; k < count; k++) {
            if (text.charAt(offset + k) != secret.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Masks one continuous text that arrives in pieces. Concatenating the results of every
     * {@link #push} and of {@link #finish} gives exactly {@link SecretMasker#mask} of the whole
     * text. Not thread-safe; one stream per direction of one dialogue.
     */
    public final class Stream {
        private final StringBuilder pending = new StringBuilder();

        private Stream() {
        }

        /** Adds the next piece; returns the masked text that is now safe to write (maybe empty). */
        public String push(CharSequence piece) {
            pending.append(piece);
            StringBuilder out = new StringBuilder(pending.length());
            int decided = scan(pending, false, out);
            pending.delete(0, decided);
            return out.toString();
        }

        /** Ends the text: returns the masked rest (what was held back can no longer grow). */
        public String finish() {
            StringBuilder out = new StringBuilder(pending.length());
            scan(pending, true, out);
            pending.setLength(0);
            return out.toString();
        }

        /** How many characters are held back, waiting for the next piece. */
        public int held() {
            return pending.length();
        }
    }
}
