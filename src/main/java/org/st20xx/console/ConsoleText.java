package org.st20xx.console;

import java.time.Duration;
import java.util.Locale;

/** Renders console text and durations for transcripts and messages. */
public final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * Escapes {@code text} so that it fits on one line and can be read back exactly:
     * backslash as {@code \\}, CR {@code \r}, LF {@code \n}, TAB {@code \t}, ESC {@code \e},
     * NUL {@code \0}, every other control character as {@code \xNN}, and a space at the very end
     * as {@code \x20} (visible, and safe from editors that trim lines). Everything else is kept.
     */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && i == text.length() - 1) {
                out.append("\\x20");
                continue;
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\u001b' -> out.append("\\e");
                case '\0' -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Seconds with millisecond precision, e.g. {@code 5.000 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%d.%03d s", duration.toSeconds(), duration.toMillisPart());
    }
}
