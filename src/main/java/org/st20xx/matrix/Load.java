package org.st20xx.matrix;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/** What a phone runs: a protocol (lower case, e.g. {@code sip}) and an application version. */
public record Load(String protocol, Version version) implements Comparable<Load> {
    private static final Comparator<Load> ORDER = Comparator.comparing(Load::protocol).thenComparing(Load::version);

    public Load {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(version, "version");
        protocol = protocol.toLowerCase(Locale.ROOT);
    }

    public static Load of(String protocol, String version) {
        return new Load(protocol, Version.parse(version));
    }

    /** "SIP 1.66.2" */
    @Override
    public String toString() {
        return protocol.toUpperCase(Locale.ROOT) + " " + version;
    }

    @Override
    public int compareTo(Load o) {
        return ORDER.compare(this, o);
    }
}
