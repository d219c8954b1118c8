package org.st20xx.matrix;

import java.util.List;
import java.util.Objects;

/** The DSPs (by id, preferred first) that applications of one protocol and version range accept. */
public record Compatibility(String protocol, VersionRange versions, List<String> dsps) {
    public Compatibility {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(versions, "versions");
        dsps = List.copyOf(dsps);
    }

    public boolean covers(Load load) {
        return protocol.equals(load.protocol()) && versions.contains(load.version());
    }
}
