package org.st20xx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;

/** The Cisco 7940/7960 rules of the seeds, planned by the same engine as the ST20xx ones. */
class CiscoPlannerTest {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();
    private static final PhoneModel C7960 = MATRIX.requireModel("7960");
    private static final PhoneModel C7940 = MATRIX.requireModel("7940");
    private final Planner planner = new Planner();

    private Plan plan(PhoneModel m, String from, String target) {
        return plan(m, from, target, Optional.empty());
    }

    private Plan plan(PhoneModel m, String from, String target, Optional<FirmwareInventory> inv) {
        return Plans.plan(planner, m, from, target, inv);
    }

    private static List<String> route(Plan p) {
        return Plans.route(p);
    }

    @Test
    void sip44ToSccp8GoesThroughSccp63() {
        Plan p = plan(C7960, "sip:4.4", "sccp:8.x");
        assertThat(route(p)).containsExactly("SCCP 6.3", "SCCP 8.0.4");
        assertThat(p.hops()).allSatisfy(h -> {
            assertThat(h.dsp()).isEmpty();
            assertThat(h.reboots()).isEqualTo(1);
            assertThat(h.flashWrites()).isEqualTo(1);
        });
        assertThat(p.hops().get(1).app()).contains("P00308000400.loads");
        assertThat(p.missing()).singleElement().satisfies(m -> assertThat(m).contains("SCCP 6.3"));
    }

    @Test
    void sip50ToSip4IsRefusedWithTheRule() {
        assertThatThrownBy(() -> plan(C7960, "sip:5.0", "sip:4.x")).isInstanceOf(NoSafePlanException.class)
                .hasMessageContaining("no safe plan for 7960 from SIP 5.0 to SIP 4.4")
                .hasMessageContaining("rule no-return-below-5.0")
                .hasMessageContaining("no chain of allowed reboots goes round it");
        assertThatThrownBy(() -> plan(C7940, "sccp:6.0.2", "sip:4.4")).hasMessageContaining("no-return-below-5.0");
        assertThat(route(plan(C7940, "sccp:8.0.4", "sccp:5"))).as("5.0 and later may go down to 5.0 and later")
                .containsExactly("SCCP 5.0.1.1");
    }

    @Test
    void sccpToSip3or4GoesThroughSip23() {
        assertThat(route(plan(C7940, "sccp:3.0", "sip:4.4"))).containsExactly("SIP 2.3", "SIP 4.4");
    }

    @Test
    void sip21AndEarlierFirstTakeAn83NamedSip2Image() {
        assertThat(route(plan(C7960, "sip:1.0", "sip:7.4"))).containsExactly("SIP 2.3", "SIP 7.4");
        assertThat(route(plan(C7960, "sip:2.2", "sip:7.4"))).containsExactly("SIP 7.4");
    }

    @Test
    void sip5and6ReachSccpOnlyThroughSip7() {
        assertThat(route(plan(C7960, "sip:5.0", "sccp:7.2.3"))).containsExactly("SIP 7.4", "SCCP 7.2.3");
    }

    @Test
    void sip3AndEarlierWaitForAnSccp4BeforeSccp5() {
        assertThatThrownBy(() -> planner.plan(new PlanRequest(without(C7960, "sip:4.4", "sip:7"), Load.of("sip", "3.1"),
                Optional.empty(), Target.parse("sccp:5.0.1.1", "--target"), Optional.empty())))
                .hasMessageContaining("rule old-sip-to-sccp-5-through-sccp-4")
                .hasMessageContaining("no SCCP [4.0, 5.0) release is known or present to bridge it");
        assertThat(route(plan(C7960, "sip:3.1", "sccp:5.0.1.1"))).as("or up in SIP first, which the seeds allow")
                .hasSize(2).first().asString().startsWith("SIP ");
    }

    /** The model without the releases whose version starts with any of {@code prefixes}. */
    private static PhoneModel without(PhoneModel m, String... prefixes) {
        List<org.st20xx.matrix.Release> kept = m.releases().stream().filter(r -> List.of(prefixes).stream().noneMatch(p -> {
            String[] pv = p.split(":");
            return r.load().protocol().equals(pv[0]) && r.load().version().startsWith(org.st20xx.matrix.Version.parse(pv[1]));
        })).toList();
        return new PhoneModel(m.name(), m.vendor(), m.family(), m.protocols(), m.rebootsPerHop(), m.applicationPatterns(),
                m.configPatterns(), m.dspPatterns(), m.dsps(), m.compatibility(), kept, m.rules(), m.images(), m.boot(),
                m.deviceType());
    }

    @Test
    void theTftpRootDecidesTheRouteWhenThe63ImageIsMissing(@TempDir Path root) throws IOException {
        for (String f : List.of("P0S3-07-4-00.loads", "P003-07-4-00.bin", "P0S3-07-4-00.sb2", "P00308000400.loads",
                "P00308000400.sbn", "P00308000400.sb2", "OS79XX.TXT", "SIP001A2B3C4D5E.cnf")) {
            Files.writeString(root.resolve(f), "x");
        }
        FirmwareInventory inv = FirmwareInventory.scan(root, MATRIX);
        assertThat(inv.warnings()).isEmpty();
        Plan p = plan(C7960, "sip:4.4", "sccp:8", Optional.of(inv));
        assertThat(route(p)).as("SIP 7.x changes to SCCP through image_version (seed 001)").containsExactly("SIP 7.4",
                "SCCP 8.0.4");
        assertThat(p.missing()).isEmpty();
    }
}
