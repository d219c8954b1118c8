package org.st20xx.console.expect;

/**
 * Turns console text, piece by piece, into the text patterns are matched against:
 * <ul>
 *   <li>line breaks become {@code \n}: CR LF, LF CR, a lone CR and a run of CRs (CR CR LF) each
 *       count as one;</li>
 *   <li>ANSI/VT100 escape sequences are dropped: CSI ({@code ESC [ ... final}, or the 8-bit
 *       CSI), OSC and other string sequences ({@code ESC ] ... BEL} or {@code ESC \}), character
 *       set selection ({@code ESC ( B}) and two-character escapes ({@code ESC 7});</li>
 *   <li>NUL characters (telnet padding) are dropped.</li>
 * </ul>
 * A sequence or a CR split between two pieces is handled: state carries over. A CR is held until
 * the next character shows whether a LF follows; {@link #finish} releases it at the end. An
 * escape sequence that runs on too long, or is broken by a control character, is abandoned and
 * the text after it kept, so a stray ESC cannot swallow output. Not thread-safe.
 */
final class TextNormaliser {

    private static final char ESC = '\u001b';
    private static final char CSI_8BIT = '\u009b';
    private static final char ST_8BIT = '\u009c';
    private static final char BEL = '\u0007';
    private static final int MAX_CONTROL_SEQUENCE = 64;
    private static final int MAX_STRING_SEQUENCE = 512;

    private enum State { TEXT, ESCAPE, CONTROL_SEQUENCE, STRING_SEQUENCE, STRING_ESCAPE, ONE_MORE }

    private State state = State.TEXT;
    private int sequenceLength;
    private boolean pendingCr;
    private boolean afterLf;

    /** Appends the normalised form of {@code text} to {@code out}. */
    void normalise(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            accept(text.charAt(i), out);
        }
    }

    /** End of the stream: a CR still held becomes a line break. */
    void finish(StringBuilder out) {
        if (pendingCr) {
            out.append('\n');
            pendingCr = false;
        }
        state = State.TEXT;
    }

    private void accept(char c, StringBuilder out) {
        switch (state) {
            case TEXT -> text(c, out);
            case ESCAPE -> escape(c, out);
            case CONTROL_SEQUENCE -> controlSequence(c, out);
            case STRING_SEQUENCE -> stringSequence(c);
            case STRING_ESCAPE -> {
                if (c == '\\') {
                    state = State.TEXT;
                } else {
                    escape(c, out); // ESC then something else: a new escape sequence
                }
            }
            case ONE_MORE -> {
                if (Character.isISOControl(c)) {
                    abandon(c, out);
                } else {
                    state = State.TEXT;
                }
            }
        }
    }

    private void text(char c, StringBuilder out) {
        switch (c) {
            case ESC -> begin(State.ESCAPE);
            case CSI_8BIT -> begin(State.CONTROL_SEQUENCE);
            case '\0' -> {
                // telnet padding
            }
            case '\r' -> {
                if (!afterLf) {
                    pendingCr = true; // LF CR counts as one break; so do CR LF and CR CR LF
                }
            }
            case '\n' -> {
                pendingCr = false;
                afterLf = true;
                out.append('\n');
            }
            default -> {
                if (pendingCr) {
                    out.append('\n');
                    pendingCr = false;
                }
                afterLf = false;
                out.append(c);
            }
        }
    }

    private void escape(char c, StringBuilder out) {
        if (c == '[') {
            begin(State.CONTROL_SEQUENCE);
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            begin(State.STRING_SEQUENCE); // OSC, DCS, SOS, PM, APC: up to BEL or ST
        } else if (c >= 0x20 && c <= 0x2f) {
            state = State.ONE_MORE; // ESC ( B and friends: one more character
        } else if (c >= 0x30 && c <= 0x7e) {
            state = State.TEXT; // two-character escape such as ESC 7, ESC c, ESC =
        } else {
            abandon(c, out);
        }
    }

    private void controlSequence(char c, StringBuilder out) {
        if (++sequenceLength > MAX_CONTROL_SEQUENCE) {
            abandon(c, out);
        } else if (c >= 0x40 && c <= 0x7e) {
            state = State.TEXT; // final byte
        } else if (c < 0x20 || c > 0x3f) {
            abandon(c, out); // not a parameter or intermediate byte
        }
    }

    private void stringSequence(char c) {
        if (c == BEL || c == ST_8BIT) {
            state = State.TEXT;
        } else if (c == ESC) {
            state = State.STRING_ESCAPE;
        } else if (++sequenceLength > MAX_STRING_SEQUENCE) {
            state = State.TEXT;
        }
    }

    private void begin(State next) {
        state = next;
        sequenceLength = 0;
    }

    /** Gives up on a malformed sequence: {@code c} is treated as ordinary text. */
    private void abandon(char c, StringBuilder out) {
        state = State.TEXT;
        text(c, out);
    }
}
