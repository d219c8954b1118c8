package org.st20xx.console.expect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A regular expression with a name and a role, given by the caller (a playbook). The name is what
 * {@link Match#name()} and the exceptions report, e.g. {@code "prompt"}, {@code "ok"},
 * {@code "failure:no-such-file"}.
 *
 * <p>Patterns are matched against normalised text (line breaks are {@code \n}, no CR, no ANSI
 * sequences, no NUL). The factories compile with {@link Pattern#MULTILINE}, so {@code ^} and
 * {@code $} match at line starts and ends.
 *
 * @param name    what a match is reported as; not blank
 * @param kind    where the pattern is looked for and what a match means
 * @param pattern the regular expression
 */
public record NamedPattern(String name, Kind kind, Pattern pattern) {

    /** The role of a pattern. */
    public enum Kind {
        /**
         * A prompt: looked for only in the line-aligned tail of the unread text (the last
         * {@code searchDepth} characters, starting at a line start), where a prompt that waits
         * for input must be. A match ends the wait successfully.
         */
        PROMPT,
        /**
         * Any expected text: looked for in the complete lines of the unread text (up to its last
         * line break; all of it once the connection has ended). A match ends the wait
         * successfully.
         */
        TEXT,
        /**
         * A failure indicator: looked for where {@link #TEXT} is, and also on the line of a
         * matched prompt. A match that begins before the end of the successful match (or with no
         * successful match yet) fails the wait with {@link FailureIndicatorException} naming this
         * pattern.
         */
        FAILURE
    }

    public NamedPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        if (name.isBlank()) {
            throw new IllegalArgumentException("pattern name is blank");
        }
    }

    /** A {@link Kind#PROMPT} pattern; {@code regex} is compiled with MULTILINE. */
    public static NamedPattern prompt(String name, String regex) {
        return of(name, Kind.PROMPT, regex);
    }

    /** A {@link Kind#TEXT} pattern; {@code regex} is compiled with MULTILINE. */
    public static NamedPattern text(String name, String regex) {
        return of(name, Kind.TEXT, regex);
    }

    /** A {@link Kind#FAILURE} pattern; {@code regex} is compiled with MULTILINE. */
    public static NamedPattern failure(String name, String regex) {
        return of(name, Kind.FAILURE, regex);
    }

    /**
     * A pattern of any kind; {@code regex} is compiled with MULTILINE.
     *
     * @throws java.util.regex.PatternSyntaxException when {@code regex} is not valid
     */
    public static NamedPattern of(String name, Kind kind, String regex) {
        return new NamedPattern(name, kind, Pattern.compile(regex, Pattern.MULTILINE));
    }

    /** True for {@link Kind#FAILURE}. */
    public boolean isFailure() {
        return kind == Kind.FAILURE;
    }
}
