package org.st20xx.matrix;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reboot the planner must never plan: from a load matching any selector of {@code from} onto
 * one matching any selector of {@code to} (and the reverse when {@code bothWays}), unless one of
 * the two ends matches a selector of {@code bridge}.
 */
public record Rule(String name, List<Selector> from, List<Selector> to, boolean bothWays, List<Selector> bridge,
        String reason, String source) {
    public Rule {
        Objects.requireNonNull(name, "name");
        from = List.copyOf(from);
        to = List.copyOf(to);
        bridge = List.copyOf(bridge);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one 'from' and one 'to' selector");
        }
    }

    /** A rule with one selector on each side (and at most one bridge). */
    public Rule(String name, Selector from, Selector to, boolean bothWays, Optional<Selector> bridge, String reason,
            String source) {
        this(name, List.of(from), List.of(to), bothWays, bridge.map(List::of).orElse(List.of()), reason, source);
    }

    /** True when this rule forbids rebooting from {@code a} straight onto {@code b}. */
    public boolean forbids(Load a, Load b) {
        boolean covered = (any(from, a) && any(to, b)) || (bothWays && any(from, b) && any(to, a));
        if (!covered) {
            return false;
        }
        return !(any(bridge, a) || any(bridge, b));
    }

    private static boolean any(List<Selector> selectors, Load load) {
        return selectors.stream().anyMatch(s -> s.matches(load));
    }
}
