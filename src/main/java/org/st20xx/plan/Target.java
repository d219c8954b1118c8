package org.st20xx.plan;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.St20xxException;
import org.st20xx.matrix.Version;

/** What the technician asked for: a protocol, and a version (prefix) or the newest available. */
public record Target(String protocol, Optional<Version> version) {
    public Target {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(version, "version");
        protocol = protocol.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code mgcp}, {@code sip:2.68} or {@code sccp:8.x} (a trailing {@code .x} or
     * {@code .*} only says "any release of"); {@code option} names the flag for messages.
     */
    public static Target parse(String text, String option) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        String proto = colon < 0 ? t : t.substring(0, colon);
        String ver = colon < 0 ? null : t.substring(colon + 1).replaceFirst("\\.[xX*]$", "");
        if (!proto.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw St20xxException.usage(option + " '" + text + "': expected PROTOCOL[:VERSION], e.g. mgcp or sip:2.68");
        }
        if (ver != null && !org.st20xx.matrix.Version.isVersion(ver)) {
            throw St20xxException.usage(option + " '" + text + "': '" + ver
                    + "' is not a version (e.g. 2.68, 1.66.2 or 8.x)");
        }
        return new Target(proto, Optional.ofNullable(ver).map(Version::parse));
    }

    /** The notation {@link #parse} reads: {@code mgcp} or {@code sip:2.68} (as a journal records it). */
    public String spec() {
        return protocol + version.map(v -> ":" + v).orElse("");
    }

    @Override
    public String toString() {
        return protocol.toUpperCase(Locale.ROOT) + version.map(v -> " " + v).orElse(" (newest)");
    }
}
