package org.st20xx.matrix;

import java.util.Arrays;
import java.util.Objects;

/**
 * A firmware version such as {@code 1.66.2} or {@code 8.12}: numeric components compared one by
 * one, missing components counting as zero ({@code 1.66 == 1.66.0 < 1.66.2}). The text is kept
 * as written for display.
 */
public final class Version implements Comparable<Version> {
    private final int[] parts;
    private final String text;

    private Version(int[] parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /** Parses {@code N(.N)*}; throws {@link IllegalArgumentException} with a readable message. */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (!t.matches("\\d{1,6}(\\.\\d{1,6}){0,5}")) {
            throw new IllegalArgumentException("'" + text + "' is not a version (expected numbers separated by dots, e.g. 1.66.2)");
        }
        String[] split = t.split("\\.");
        int[] parts = new int[split.length];
        for (int i = 0; i < split.length; i++) {
            parts[i] = Integer.parseInt(split[i]);
        }
        return new Version(parts, t);
    }

    /**
     * A version from numeric components as a file name spells them (leading zeros dropped), shown
     * without the trailing zero components beyond the second: {@code [7, 4, 0]} is "7.4",
     * {@code [8, 0, 4, 0]} is "8.0.4" (Cisco writes 8.0(4)). It still equals 7.4.0 and 8.0.4.0.
     */
    public static Version of(int... parts) {
        if (parts.length == 0 || parts.length > 6) {
            throw new IllegalArgumentException("a version has 1 to 6 components");
        }
        int shown = parts.length;
        while (shown > 2 && parts[shown - 1] == 0) {
            shown--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            if (parts[i] < 0) {
                throw new IllegalArgumentException("version components are not negative");
            }
            text.append(i == 0 ? "" : ".").append(parts[i]);
        }
        return new Version(parts.clone(), text.toString());
    }

    public static boolean isVersion(String text) {
        return text != null && text.trim().matches("\\d{1,6}(\\.\\d{1,6}){0,5}");
    }

    public int part(int i) {
        return i < parts.length ? parts[i] : 0;
    }

    public int length() {
        return parts.length;
    }

    /** True when this version starts with all of {@code prefix}'s components (2.68.1 starts with 2.68). */
    public boolean startsWith(Version prefix) {
        if (prefix.parts.length > parts.length) {
            return false;
        }
        for (int i = 0; i < prefix.parts.length; i++) {
            if (parts[i] != prefix.parts[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(part(i), o.part(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length;
        while (end > 0 && parts[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    @Override
    public String toString() {
        return text;
    }
}
