package org.st20xx.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;

/**
 * A safe plan. {@code missing} names each file the plan needs that the firmware directory lacks
 * (or, without one, that no source names): {@code plan} shows them, {@code convert} refuses.
 */
public record Plan(String model, Load from, Optional<Dsp> fromDsp, Load target, List<Hop> hops,
        List<String> warnings, List<String> missing) {
    public Plan {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromDsp, "fromDsp");
        Objects.requireNonNull(target, "target");
        hops = List.copyOf(hops);
        warnings = List.copyOf(warnings);
        missing = List.copyOf(missing);
    }

    public int reboots() {
        return hops.stream().mapToInt(Hop::reboots).sum();
    }

    public int flashWrites() {
        return hops.stream().mapToInt(Hop::flashWrites).sum();
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
