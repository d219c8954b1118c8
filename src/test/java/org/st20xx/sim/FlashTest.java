package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.sim.Flash.CleanStep;

/** The boot decision of on its own (the ITs drive the same through the console). */
class FlashTest {
    static final PhoneModel M = MatrixLoader.loadBuiltIn().requireModel("ST2030");
    static final Load SIP267 = Load.of("sip", "2.67");
    static final Load SIP166 = Load.of("sip", "1.66.2");
    static final Load MGCP155 = Load.of("mgcp", "1.55");

    private static Flash flashRunning(Load l, String dspId) {
        return new Flash("app", l, M.dsp(dspId).orElseThrow(), null);
    }

    private static void stage(Flash f, Load l, String dspId, boolean clean) {
        f.writeApplication("new", l);
        f.writeDsp(M.dsp(dspId).orElseThrow());
        if (clean) {
            Flash.SEQUENCE.forEach(f::clean);
        }
    }

    @Test
    void bridgeHopRunsAndTheNextHopToMgcpRuns() {
        Flash f = flashRunning(SIP267, "v3.10");
        stage(f, SIP166, "v1.01-common", true);
        assertThat(f.boot(M, SIP267).status()).isEqualTo(PhoneStatus.RUNNING);
        stage(f, MGCP155, "v1.01-common", true);
        assertThat(f.boot(M, SIP166).status()).isEqualTo(PhoneStatus.RUNNING);
        assertThat(f.configProtocol()).isEqualTo("mgcp");
    }

    @Test
    void bricksOnForbiddenSwapIncompatibleDspOrUnknownLoad() {
        Flash f = flashRunning(SIP267, "v3.10");
        stage(f, MGCP155, "v1.01-common", true);
        assertThat(f.boot(M, SIP267).reason()).hasValueSatisfying(r -> assertThat(r).contains("no-direct-mgcp-sip-2.6x"));

        Flash g = flashRunning(SIP267, "v3.10");
        g.writeApplication("new", SIP166);
        assertThat(g.boot(M, SIP267).status()).isEqualTo(PhoneStatus.BRICKED);

        Flash h = flashRunning(SIP267, "v3.10");
        h.writeApplication("new", Load.of("sip", "2.50"));
        assertThat(h.boot(M, SIP267).reason()).hasValueSatisfying(r -> assertThat(r).contains("not a load"));
    }

    @Test
    void protocolChangeWithoutTheWholeSequenceInOrderIsMisconfigured() {
        Flash f = flashRunning(SIP166, "v1.01-common");
        f.writeApplication("new", MGCP155);
        f.clean(CleanStep.REL0);
        f.clean(CleanStep.FORMAT);
        f.clean(CleanStep.COMMIT);
        f.clean(CleanStep.NMM);
        assertThat(f.cleaned()).isFalse();
        assertThat(f.boot(M, SIP166).status()).isEqualTo(PhoneStatus.MISCONFIGURED);

        Flash g = flashRunning(SIP166, "v1.01-common");
        Flash.SEQUENCE.forEach(g::clean);
        g.writeApplication("new", MGCP155);
        assertThat(g.cleaned()).as("a download restarts the sequence").isFalse();

        Flash h = flashRunning(SIP166, "v1.01-common");
        h.writeApplication("new", MGCP155);
        h.clean(CleanStep.COMMIT);
        Flash.SEQUENCE.forEach(h::clean);
        assertThat(h.cleaned()).as("a stray step before the sequence does not spoil it").isTrue();
    }

    @Test
    void formatErasesTheStoredTelConf() {
        Flash f = new Flash("app", SIP166, M.dsp("v1.01-common").orElseThrow(), "TelConf2030SG_v1.66.2.txt");
        f.clean(CleanStep.FORMAT);
        assertThat(f.config()).isNull();
    }
}
