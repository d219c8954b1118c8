package org.st20xx.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.st20xx.demo.Demo;

/**
 * The phones of a benchmark lab: the demo's five starting points (both models, both directions,
 * one and two hops, some with telnet off), in the demo's proportions, scaled to any count.
 */
final class PhoneMix {
    private PhoneMix() {
    }

    /** The kinds of phone, one of each: the demo's groups with a count of 1. */
    static List<Demo.Group> kinds() {
        return Demo.defaultGroups(1).stream().map(g -> withCount(g, 1)).toList();
    }

    /**
     * {@code phones} phones spread over the kinds in the demo's proportions (largest remainder,
     * earlier kinds first on a tie); kinds that get no phone are left out.
     */
    static List<Demo.Group> of(int phones) {
        if (phones < 1) {
            throw new IllegalArgumentException("at least one phone (got " + phones + ")");
        }
        List<Demo.Group> weights = Demo.defaultGroups(1);
        int total = weights.stream().mapToInt(Demo.Group::count).sum();
        int[] counts = new int[weights.size()];
        long[] remainders = new long[weights.size()];
        int given = 0;
        for (int i = 0; i < weights.size(); i++) {
            long share = (long) phones * weights.get(i).count();
            counts[i] = (int) (share / total);
            remainders[i] = share % total;
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; given < phones; k++, given++) {
            counts[order.get(k)]++;
        }
        List<Demo.Group> groups = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            if (counts[i] > 0) {
                groups.add(withCount(weights.get(i), counts[i]));
            }
        }
        return groups;
    }

    /** How a kind reads in a table: {@code ST2030 sip:2.67 -> mgcp (telnet off)}. */
    static String describe(Demo.Group g) {
        return g.model() + " " + g.start() + " -> " + g.target() + (g.telnetEnabled() ? "" : " (telnet off)");
    }

    static Demo.Group withCount(Demo.Group g, int count) {
        return new Demo.Group(g.model(), g.start(), g.telnetEnabled(), g.target(), count, g.bind());
    }
}
