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

class PlannerTest {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();
    private static final PhoneModel ST2030 = MATRIX.requireModel("ST2030");
    private static final PhoneModel ST2022 = MATRIX.requireModel("ST2022");
    private final Planner planner = new Planner();

    private Plan plan(PhoneModel model, String from, String target) {
        return plan(model, from, target, Optional.empty());
    }

    private Plan plan(PhoneModel model, String from, String target, Optional<FirmwareInventory> inv) {
        return Plans.plan(planner, model, from, target, inv);
    }

    private static List<String> route(Plan p) {
        return Plans.route(p);
    }

    @Test
    void st2030Sip267ToMgcpGoesThroughTheBridge() {
        Plan p = plan(ST2030, "sip:2.67", "mgcp");
        assertThat(route(p)).containsExactly("SIP 1.66.2", "MGCP 1.55");
        assertThat(p.reboots()).isEqualTo(4);
    }

    @Test
    void st2030MgcpToSip268EndsWithTheV320Dsp() {
        Plan p = plan(ST2030, "mgcp:1.55", "sip:2.68");
        assertThat(route(p)).containsExactly("SIP 1.66.2", "SIP 2.68");
        assertThat(p.hops().get(1).dspFile()).contains("v2030_dsp_R11.1_SED_v320.zz");
    }

    @Test
    void st2022UsesThe366BridgeBothWays() {
        assertThat(route(plan(ST2022, "mgcp:3.55.2", "sip:4.68"))).containsExactly("SIP 3.66", "SIP 4.68");
        assertThat(route(plan(ST2022, "sip:4.68", "mgcp"))).containsExactly("SIP 3.66", "MGCP 3.55.2");
    }

    @Test
    void veryOldLoadsAreReachedThroughTheBridgeToo() {
        assertThat(route(plan(ST2030, "sip:2.67", "sip:1.50"))).containsExactly("SIP 1.66.2", "SIP 1.50");
    }

    @Test
    void keepsTheCommonDspAcrossSip166AndMgcp() {
        Plan p = planner.plan(new PlanRequest(ST2030, Load.of("sip", "1.66.2"), Optional.of("v1.01-common"),
                Target.parse("mgcp", "--target"), Optional.empty()));
        assertThat(p.hops()).singleElement().satisfies(h -> {
            assertThat(h.dspWrite()).isFalse();
            assertThat(h.dsp().orElseThrow().id()).isEqualTo("v1.01-common");
        });
    }

    @Test
    void choosesTheBridgeDspThatTheNextHopCanKeep() {
        Plan p = plan(ST2030, "sip:2.67", "sip:1.50");
        assertThat(p.hops().get(0).dsp().orElseThrow().id()).isEqualTo("v1.00-sip");
        assertThat(p.hops().get(1).dspWrite()).isFalse();
    }

    @Test
    void aTargetTheStartAlreadyRunsNeedsNoHop() {
        Plan p = plan(ST2030, "sip:2.74", "sip");
        assertThat(p.hops()).isEmpty();
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("already runs"));
    }

    @Test
    void refusesAnUnknownStartLoadWithTheReason() {
        assertThatThrownBy(() -> plan(ST2030, "sip:2.60", "mgcp")).isInstanceOf(NoSafePlanException.class)
                .hasMessageContaining("ST2030 SIP 2.60 is not in the firmware matrix");
    }

    @Test
    void aTargetIsWrittenAsItIsParsed() {
        assertThat(Target.parse("mgcp", "--target").spec()).isEqualTo("mgcp");
        assertThat(Target.parse("SIP:2.68", "--target").spec()).isEqualTo("sip:2.68");
        for (String spec : List.of("mgcp", "sip:2.68", "sip:1.66.2")) {
            assertThat(Target.parse(Target.parse(spec, "--target").spec(), "journal")).isEqualTo(Target.parse(spec, "--target"));
        }
    }

    @Test
    void refusesAnIncompatibleStartPair() {
        assertThatThrownBy(() -> planner.plan(new PlanRequest(ST2030, Load.of("sip", "2.67"), Optional.of("v3.20"),
                Target.parse("mgcp", "--target"), Optional.empty()))).hasMessageContaining("incompatible");
    }

    @Test
    void explainsWhenTheBridgeIsUnknown() {
        Matrix noBridge = MatrixLoader.parse(readMatrix().replace(
                "      - { protocol: sip,  version: \"1.66.2\", app: v2030SG.081210.1.66.2.zz, config: TelConf2030SG_v1.66.2.txt,\n"
                        + "          source: \"seed 000 s6.3\" }\n", ""), "m.yaml");
        assertThatThrownBy(() -> plan(noBridge.requireModel("ST2030"), "sip:2.67", "mgcp"))
                .isInstanceOf(NoSafePlanException.class)
                .hasMessageContaining("forbidden by rule")
                .hasMessageContaining("no SIP [1.66, 1.67) release is known or present");
    }

    @Test
    void usesTheFirmwareDirectoryAndNamesWhatIsMissing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("v2030SG.081210.1.66.2.zz"), "app");
        Files.writeString(dir.resolve("TelConf2030SG_v1.66.2.txt"), "cfg");
        Files.writeString(dir.resolve("ST2030_dsp_v101.zz"), "dsp");
        Files.writeString(dir.resolve("v2030MC.090101.1.56.zz"), "app");
        Files.writeString(dir.resolve("TelConf2030MC_v1.56.txt"), "cfg");
        FirmwareInventory inv = FirmwareInventory.scan(dir, MATRIX);
        Plan full = plan(ST2030, "sip:2.67", "mgcp", Optional.of(inv));
        assertThat(route(full)).containsExactly("SIP 1.66.2", "MGCP 1.56");
        assertThat(full.missing()).isEmpty();

        Files.delete(dir.resolve("TelConf2030SG_v1.66.2.txt"));
        Plan partial = plan(ST2030, "sip:2.67", "mgcp", Optional.of(FirmwareInventory.scan(dir, MATRIX)));
        assertThat(partial.hops().get(0).config()).isEmpty();
        assertThat(partial.missing()).singleElement().satisfies(m ->
                assertThat(m).contains("configuration of ST2030 SIP 1.66.2").contains("TelConf2030SG_v1.66.2.txt"));
    }

    @Test
    void newestAvailableMeansNewestInTheFirmwareDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("v2030SG.R11.1.SED.101223.2.72.zz"), "app");
        Plan p = plan(ST2030, "sip:2.67", "sip", Optional.of(FirmwareInventory.scan(dir, MATRIX)));
        assertThat(route(p)).containsExactly("SIP 2.72");
    }

    private static String readMatrix() {
        try {
            return Files.readString(Path.of("firmware-matrix.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
