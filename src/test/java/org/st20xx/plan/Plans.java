package org.st20xx.plan;

import java.util.List;
import java.util.Optional;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;

/** Plans written the way a technician types them ({@code sip:2.67}, {@code mgcp}), for the planner tests. */
final class Plans {
    private Plans() {
    }

    static Plan plan(Planner planner, PhoneModel model, String from, String target, Optional<FirmwareInventory> inv) {
        String[] f = from.split(":");
        return planner.plan(new PlanRequest(model, Load.of(f[0], f[1]), Optional.empty(),
                Target.parse(target, "--target"), inv));
    }

    /** The loads the hops land on, e.g. ["SIP 1.66.2", "MGCP 1.55"]. */
    static List<String> route(Plan p) {
        return p.hops().stream().map(h -> h.to().toString()).toList();
    }
}
