package org.st20xx.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a transcript back (test helper): its records, with payloads un-escaped. */
final class TranscriptLines {

    private static final Pattern RECORD =
            Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) (<<|>>|--) (.*)");

    record Entry(String stamp, String marker, String payload) {
    }

    private TranscriptLines() {
    }

    static List<Entry> parse(String transcript) {
        if (!transcript.startsWith(Transcript.HEADER + "\n")) {
            throw new AssertionError("no header: " + transcript);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : transcript.substring(Transcript.HEADER.length() + 1).split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = RECORD.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a record: " + line);
            }
            entries.add(new Entry(m.group(1), m.group(2), unescape(m.group(3))));
        }
        return entries;
    }

    /** The payloads of the records with {@code marker}, concatenated. */
    static String joined(List<Entry> entries, String marker) {
        StringBuilder sb = new StringBuilder();
        entries.stream().filter(e -> e.marker().equals(marker)).forEach(e -> sb.append(e.payload()));
        return sb.toString();
    }

    static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'e' -> out.append('\u001b');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new AssertionError("bad escape \\" + next + " in " + escaped);
            }
        }
        return out.toString();
    }
}
