package org.st20xx.matrix;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reboot the planner must never plan: from a load matching any selector of {@code from} onto
 * one matching any selector of {@code to} (and the reverse when {@code bothWays}), unless one of
 * the two ends matches a selector of {@code bridge}. {@code failure} says what a phone does when
 * the reboot is tried anyway (the simulator does exactly that).
 */
public record Rule(String name, List<Selector> from, List<Selector> to, boolean bothWays, List<Selector> bridge,
        String reason, String source, Failure failure) {

    /**
     * What a phone does when a forbidden reboot is tried anyway: it is bricked (the default), it
     * refuses the image and keeps its own ({@code refused}, showing {@code display}), or its
     * transfers of the image fail ({@code state-error}, seed 001's TFTP log) and it keeps its own.
     */
    public record Failure(Kind kind, Optional<String> display) {
        public static final Failure BRICKED = new Failure(Kind.BRICKED, Optional.empty());

        public enum Kind {
            BRICKED, REFUSED, STATE_ERROR;

            /** The word of the matrix: {@code bricked}, {@code refused}, {@code state-error}. */
            public String word() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }

            public static Optional<Kind> parse(String word) {
                return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
            }
        }

        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(display, "display");
            if (kind == Kind.BRICKED && display.isPresent()) {
                throw new IllegalArgumentException("a bricked phone shows nothing");
            }
        }
    }

    public Rule {
        Objects.requireNonNull(name, "name");
        from = List.copyOf(from);
        to = List.copyOf(to);
        bridge = List.copyOf(bridge);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(failure, "failure");
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one 'from' and one 'to' selector");
        }
    }

    /** A rule whose forbidden reboot bricks the phone. */
    public Rule(String name, List<Selector> from, List<Selector> to, boolean bothWays, List<Selector> bridge,
            String reason, String source) {
        this(name, from, to, bothWays, bridge, reason, source, Failure.BRICKED);
    }

    /** A rule with one selector on each side (and at most one bridge), whose forbidden reboot bricks the phone. */
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
