package org.st20xx.cisco;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OS79XX.TXT: the name of the image a phone is to run, "without the .bin extension" (seed 001),
 * alone on its line. st20xx writes the name followed by one line feed, as vi writes a one-line
 * file: no carriage return, no space (docs/cisco.md). The reader is strict: it keeps the name
 * exactly as written and reports everything a phone could trip on, each on its line.
 */
public final class Os79xxFile {
    /** What the file says: the name on its first line (trimmed of nothing) and what is wrong. */
    public record Content(Optional<String> image, List<Issue> issues) {
        public Content {
            issues = List.copyOf(issues);
        }
    }

    /** Something a phone could trip on, on line {@code line} (1-based). */
    public record Issue(int line, String message, String hint) {
    }

    /** An image name written with a file extension, which a phone adds itself: group 1 is the name without it. */
    public static final Pattern WITH_EXTENSION = Pattern.compile("(?i)(.+)\\.(bin|loads|sb2|sbn)");

    private Os79xxFile() {
    }

    /** The bytes st20xx writes for {@code image}. */
    public static String render(String image) {
        if (image.isEmpty() || image.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("an image name has no blanks: '" + image + "'");
        }
        return image + "\n";
    }

    public static Content parse(String text) {
        List<Issue> issues = new ArrayList<>();
        if (text.isEmpty()) {
            issues.add(new Issue(1, "empty: the phone finds no image name (\"No Load Specified\", or the phone stays"
                    + " unprovisioned)", "write the image name, e.g. P0S3-07-4-00, on one line"));
            return new Content(Optional.empty(), issues);
        }
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        String first = lines[0];
        if (first.endsWith("\r")) {
            issues.add(new Issue(1, "the line ends with a carriage return (CRLF, a DOS/Windows line end): the phone"
                    + " asks for a name ending in CR", "save the file with a Unix line end (LF only)"));
            first = first.substring(0, first.length() - 1);
        }
        if (text.indexOf('\r') >= 0 && !lines[0].endsWith("\r")) {
            issues.add(new Issue(1, "a carriage return inside the file", "keep only the image name and a line feed"));
        }
        String name = first;
        String stripped = name.strip();
        if (!stripped.equals(name)) {
            issues.add(new Issue(1, "blank space around the image name '" + stripped + "': the phone asks for the"
                    + " name with the blanks (CSCdv19260)", "remove the spaces and tabs"));
        }
        if (stripped.isEmpty()) {
            issues.add(new Issue(1, "the first line is blank: the phone finds no image name (\"No Load Specified\")",
                    "write the image name on the first line"));
        }
        for (int i = 1; i < count; i++) {
            if (!lines[i].strip().isEmpty()) {
                issues.add(new Issue(i + 1, "a second name or text after the image name: OS79XX.TXT must hold only"
                        + " the image name", "remove every line but the first"));
                break;
            }
            if (i == 1) {
                issues.add(new Issue(i + 1, "an empty line after the image name", "end the file right after the"
                        + " name's line feed"));
                break;
            }
        }
        return new Content(stripped.isEmpty() ? Optional.empty() : Optional.of(stripped), issues);
    }
}
