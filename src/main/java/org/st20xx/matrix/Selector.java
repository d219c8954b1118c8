package org.st20xx.matrix;

import java.util.Objects;
import java.util.Optional;

/** Picks loads by protocol (any when empty) and version range. */
public record Selector(Optional<String> protocol, VersionRange versions) {
    public Selector {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(versions, "versions");
    }

    public boolean matches(Load load) {
        return protocol.map(p -> p.equals(load.protocol())).orElse(true) && versions.contains(load.version());
    }

    @Override
    public String toString() {
        String p = protocol.map(String::toUpperCase).orElse("any protocol");
        return versions == VersionRange.ANY ? p : p + " " + versions;
    }
}
