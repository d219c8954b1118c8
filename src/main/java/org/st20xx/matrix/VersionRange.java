package org.st20xx.matrix;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interval of versions in the usual notation: {@code [1.55, 2.0)} (1.55 included, 2.0
 * excluded), {@code [2.67,)} (2.67 and above), {@code (,5.0)} (below 5.0), {@code [,]} (any).
 * A bare version {@code 1.66} means exactly that version (1.66 and 1.66.0, not 1.66.2); use an
 * interval such as {@code [1.66, 1.67)} for a family.
 */
public record VersionRange(Optional<Version> lower, boolean lowerInclusive, Optional<Version> upper,
        boolean upperInclusive, String text) {
    private static final Pattern INTERVAL = Pattern.compile("\\s*([\\[(])\\s*([^,\\s]*)\\s*,\\s*([^\\])\\s]*)\\s*([\\])])\\s*");

    public static final VersionRange ANY = new VersionRange(Optional.empty(), false, Optional.empty(), false, "[,]");

    public VersionRange {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(text, "text");
    }

    /** Parses a range; throws {@link IllegalArgumentException} saying what is wrong. */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = INTERVAL.matcher(text);
        if (!m.matches()) {
            if (Version.isVersion(text)) {
                Version v = Version.parse(text);
                return new VersionRange(Optional.of(v), true, Optional.of(v), true, text.trim());
            }
            throw new IllegalArgumentException("'" + text + "' is not a version range (write e.g. [1.55, 2.0) or [2.67,))");
        }
        Optional<Version> lo = bound(m.group(2), text);
        Optional<Version> hi = bound(m.group(3), text);
        boolean loIn = m.group(1).equals("[");
        boolean hiIn = m.group(4).equals("]");
        if (lo.isPresent() && hi.isPresent()) {
            int c = lo.get().compareTo(hi.get());
            if (c > 0 || (c == 0 && !(loIn && hiIn))) {
                throw new IllegalArgumentException("'" + text + "' is an empty version range (its lower end is not below its upper end)");
            }
        }
        return new VersionRange(lo, loIn, hi, hiIn, text.trim());
    }

    private static Optional<Version> bound(String s, String whole) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (!Version.isVersion(s)) {
            throw new IllegalArgumentException("'" + whole + "': '" + s + "' is not a version");
        }
        return Optional.of(Version.parse(s));
    }

    public boolean contains(Version v) {
        if (lower.isPresent()) {
            int c = v.compareTo(lower.get());
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper.isPresent()) {
            int c = v.compareTo(upper.get());
            if (c > 0 || (c == 0 && !upperInclusive)) {
                return false;
            }
        }
        return true;
    }

    /** True when some version lies in both ranges. Versions are dense enough to treat them as reals. */
    public boolean overlaps(VersionRange o) {
        return !endsBefore(this, o) && !endsBefore(o, this);
    }

    /** True when every version of {@code a} lies below every version of {@code b}. */
    private static boolean endsBefore(VersionRange a, VersionRange b) {
        if (a.upper.isEmpty() || b.lower.isEmpty()) {
            return false;
        }
        int c = a.upper.get().compareTo(b.lower.get());
        return c < 0 || (c == 0 && !(a.upperInclusive && b.lowerInclusive));
    }

    @Override
    public String toString() {
        return text;
    }
}
