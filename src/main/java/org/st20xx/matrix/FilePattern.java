package org.st20xx.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression recognising one kind of file name. Application and configuration
 * patterns name a protocol and read the version, either whole from the group {@code version}
 * ({@code 1.66.2}) or component by component from the groups {@code v1}, {@code v2}, ...
 * ({@code P0S3-07-4-00} read by {@code P0S3-(?<v1>\d{2})-(?<v2>\d{1,2})-(?<v3>\d{2})} is 7.4).
 */
public record FilePattern(Optional<String> protocol, Pattern pattern) {
    /** Most version components a pattern may read with v1, v2, ... */
    public static final int MAX_COMPONENTS = 6;

    public FilePattern {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** The load this file name stands for, when the pattern matches and reads a version. */
    public Optional<Load> loadOf(String fileName) {
        Matcher m = pattern.matcher(fileName);
        if (!m.matches() || protocol.isEmpty()) {
            return Optional.empty();
        }
        return versionOf(m).map(v -> new Load(protocol.get(), v));
    }

    public boolean matches(String fileName) {
        return pattern.matcher(fileName).matches();
    }

    /** True when {@code regex} has a group that reads a version: {@code (?<version>...)} or {@code (?<v1>...)}. */
    public static boolean readsVersion(String regex) {
        return regex.contains("(?<version>") || regex.contains("(?<v1>");
    }

    /**
     * The version a successful match reads: group {@code version} when the pattern has it, else the
     * groups {@code v1}, {@code v2}, ... in order (a group that did not take part, or that the pattern
     * leaves out, counts as 0: {@code P003(?<v1>..)(?<v2>..)SR(?<v4>..)} reads P0030801SR02 as 8.1.0.2).
     */
    public static Optional<Version> versionOf(Matcher matched) {
        String whole = group(matched, "version");
        if (whole != null) {
            return Version.isVersion(whole) ? Optional.of(Version.parse(whole)) : Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        int last = 0;
        for (int i = 1; i <= MAX_COMPONENTS; i++) {
            String g = hasGroup(matched, "v" + i) ? group(matched, "v" + i) : null;
            if (g != null && !g.matches("\\d{1,6}")) {
                return Optional.empty();
            }
            parts.add(g == null ? 0 : Integer.parseInt(g));
            last = hasGroup(matched, "v" + i) ? i : last;
        }
        if (last == 0) {
            return Optional.empty();
        }
        parts = parts.subList(0, last);
        return Optional.of(Version.of(parts.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static boolean hasGroup(Matcher m, String name) {
        try {
            m.start(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
