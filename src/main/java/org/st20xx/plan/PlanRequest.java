package org.st20xx.plan;

import java.util.Objects;
import java.util.Optional;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;

/**
 * What to plan: a model, the phone's load and (when known) its DSP by matrix id, the target, and
 * the firmware directory's inventory (empty: plan from the matrix's known releases alone).
 *
 * @param flashDspUnknown true when the DSP in flash may differ from the one running (an
 *                        interrupted earlier run): the first hop then always writes the DSP
 */
public record PlanRequest(PhoneModel model, Load from, Optional<String> fromDsp, Target target,
        Optional<FirmwareInventory> firmware, boolean flashDspUnknown) {
    public PlanRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromDsp, "fromDsp");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(firmware, "firmware");
    }

    public PlanRequest(PhoneModel model, Load from, Optional<String> fromDsp, Target target,
            Optional<FirmwareInventory> firmware) {
        this(model, from, fromDsp, target, firmware, false);
    }
}
