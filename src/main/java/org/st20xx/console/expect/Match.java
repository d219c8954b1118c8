package org.st20xx.console.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ExpectSession#expect} found. The text is normalised and not masked (callers parse
 * it; it is the transcript and the exception messages that are masked).
 *
 * @param name    the name of the pattern that matched
 * @param before  the unread text before the match (output of the last command, echo included)
 * @param matched the matched text
 * @param groups  the capturing groups 1..n of the match; an element is null where a group did
 *                not take part
 * @param elapsed how long the wait took
 */
public record Match(String name, String before, String matched, List<String> groups, Duration elapsed) {

    public Match {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(elapsed, "elapsed");
        groups = Collections.unmodifiableList(new ArrayList<>(groups));
    }

    /** Group {@code n} of the match: 0 is the whole match; null where the group did not take part. */
    public String group(int n) {
        if (n == 0) {
            return matched;
        }
        if (n < 0 || n > groups.size()) {
            throw new IndexOutOfBoundsException("no group " + n + " in a match with " + groups.size() + " groups");
        }
        return groups.get(n - 1);
    }
}
