package org.st20xx.matrix;

import java.util.Objects;
import java.util.Optional;

/**
 * A reboot the planner must never plan: from a load matching {@code from} onto one matching
 * {@code to} (and the reverse when {@code bothWays}), unless one of the two ends matches
 * {@code bridge}.
 */
public record Rule(String name, Selector from, Selector to, boolean bothWays, Optional<Selector> bridge,
        String reason, String source) {
    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }

    /** True when this rule forbids rebooting from {@code a} straight onto {@code b}. */
    public boolean forbids(Load a, Load b) {
        boolean covered = (from.matches(a) && to.matches(b)) || (bothWays && from.matches(b) && to.matches(a));
        if (!covered) {
            return false;
        }
        return bridge.map(br -> !(br.matches(a) || br.matches(b))).orElse(true);
    }
}
