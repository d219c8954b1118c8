package org.st20xx.credentials;

import java.util.Objects;

/** A password. {@link #toString()} never shows it; only {@link #reveal()} does, for the wire. */
public final class Secret {
    public static final String MASK = "****";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The password itself: only to be written to a phone or registered with a masker. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
