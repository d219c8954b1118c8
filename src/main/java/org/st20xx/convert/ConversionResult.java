package org.st20xx.convert;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.ExitStatus;
import org.st20xx.matrix.Load;
import org.st20xx.plan.Plan;

/**
 * How one phone's conversion ended. {@code status} is one of the report's words: converted,
 * failed, skipped (nothing to do), planned (dry run).
 *
 * @param hopsDone      hops verified complete
 * @param failedStep    the step that failed (a playbook step, or connect/login/identify/plan)
 * @param dryRunLines   for a dry run, every console line that would be typed (secrets masked)
 * @param exit          the exit status this outcome stands for: 0 for anything but a failure; 1 for a
 *                      phone that failed, 2 for a refusal (no safe plan, a missing file, an unknown state)
 */
public record ConversionResult(String phone, Status status, ExitStatus exit, Optional<Load> from, Optional<Load> to,
        Optional<Plan> plan, int hopsDone, Optional<String> error, Optional<String> failedStep,
        Duration took, List<String> dryRunLines) {

    public enum Status {
        converted, failed, skipped, planned;
    }

    public ConversionResult {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exit, "exit");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(failedStep, "failedStep");
        Objects.requireNonNull(took, "took");
        dryRunLines = List.copyOf(dryRunLines);
    }
}
