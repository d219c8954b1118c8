package org.st20xx.cisco;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIPDefault.cnf and SIP&lt;MAC&gt;.cnf: one {@code key: value} per line; {@code image_version}
 * names the image the phone is to run (seed 001). A value may be quoted; {@code #} starts a comment
 * line and {@code ;} or {@code #} a comment after the value. The reader keeps every entry with its
 * line, and reports lines it cannot read; a phone reading the same file sees the same entries.
 * Issues name keys, never values: the file may hold passwords.
 */
public final class SipConfigFile {
    public static final String IMAGE_KEY = "image_version";
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)[ \\t]*:[ \\t]*(.*)");
    private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^([ \\t]*" + IMAGE_KEY + "[ \\t]*:[ \\t]*)(\"[^\"\\r\\n]*\"|[^\\s;#]*)");

    /** One {@code key: value} line. {@code lineEnd} is what ended the line: "\n", "\r\n" or "" at the end. */
    public record Entry(int line, String key, String value, boolean quoted, String lineEnd, boolean trailingBlank) {
    }

    public record Issue(int line, String message, String hint) {
    }

    public record Content(List<Entry> entries, List<Issue> issues) {
        public Content {
            entries = List.copyOf(entries);
            issues = List.copyOf(issues);
        }

        /** The image_version entry the phone follows: the last one (each later one is an issue). */
        public Optional<Entry> imageVersion() {
            return entry(IMAGE_KEY);
        }

        public Optional<Entry> entry(String key) {
            Entry found = null;
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }
    }

    private SipConfigFile() {
    }

    /** The bytes st20xx writes: the image line alone (what SIP 2.x phones need, seed 001 "W210"). */
    public static String render(String image) {
        return IMAGE_KEY + ": " + image + "\n";
    }

    public static Content parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        int lineNo = 0;
        int at = 0;
        while (at < text.length()) {
            lineNo++;
            int nl = text.indexOf('\n', at);
            String raw = nl < 0 ? text.substring(at) : text.substring(at, nl);
            at = nl < 0 ? text.length() : nl + 1;
            String end = nl < 0 ? "" : "\n";
            if (raw.endsWith("\r")) {
                raw = raw.substring(0, raw.length() - 1);
                end = "\r" + end;
            }
            String body = raw.strip();
            if (body.isEmpty() || body.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(body);
            if (!m.matches()) {
                issues.add(new Issue(lineNo, "not a 'key: value' line", "write it as key: value, e.g. " + IMAGE_KEY
                        + ": P0S3-07-4-00"));
                continue;
            }
            String key = m.group(1);
            String rest = m.group(2);
            String value;
            boolean quoted = rest.startsWith("\"");
            String after;
            if (quoted) {
                int close = rest.indexOf('"', 1);
                if (close < 0) {
                    issues.add(new Issue(lineNo, "the quoted value of '" + key + "' has no closing quote",
                            "close the quote"));
                    continue;
                }
                value = rest.substring(1, close);
                after = rest.substring(close + 1);
            } else {
                int stop = 0;
                while (stop < rest.length() && !Character.isWhitespace(rest.charAt(stop)) && rest.charAt(stop) != ';'
                        && rest.charAt(stop) != '#') {
                    stop++;
                }
                value = rest.substring(0, stop);
                after = rest.substring(stop);
            }
            String tail = after.strip();
            if (!tail.isEmpty() && !tail.startsWith(";") && !tail.startsWith("#")) {
                issues.add(new Issue(lineNo, "text after the value of '" + key + "' (not shown: it may be a password)",
                        "quote a value with blanks; start a comment with ;"));
            }
            entries.add(new Entry(lineNo, key, value, quoted, end, !raw.equals(raw.stripTrailing())));
        }
        List<String> seen = new ArrayList<>();
        for (Entry e : entries) {
            if (seen.contains(e.key()) && e.key().equals(IMAGE_KEY)) {
                issues.add(new Issue(e.line(), IMAGE_KEY + " is given again (the phone follows the last one)",
                        "keep one " + IMAGE_KEY + " line"));
            }
            seen.add(e.key());
        }
        return new Content(entries, issues);
    }

    /**
     * {@code text} with every image_version value replaced by {@code image} (or the line appended),
     * everything else kept byte for byte (proxy, lines, passwords: never read out).
     */
    public static String withImage(String text, String image) {
        Matcher m = IMAGE_LINE.matcher(text);
        if (m.find()) {
            return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)
                    + (r.group(2).startsWith("\"") ? "\"" + image + "\"" : image)));
        }
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : (text.contains("\r\n") ? "\r\n" : "\n");
        return text + sep + render(image);
    }
}
