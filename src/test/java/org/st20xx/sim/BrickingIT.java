package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.matrix.Load;

/** Each way a real phone bricks, typed on the console: the phone boots dead and stays dead. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrickingIT {
    @TempDir
    Path tmp;

    /** Stages {@code files} with the clean sequence, reboots, and returns the state after the boot. */
    private static PhoneState stageAndReboot(TestLab lab, String... files) throws IOException {
        try (TelnetTestClient c = lab.login(1)) {
            for (String f : files) {
                assertThat(c.command("tftp " + TestLab.SERVER + " " + f)).contains("... done");
            }
            SeedProcedure.clean(c);
            c.commandUntilClosed("reboot immediate");
        }
        return lab.awaitBoot(1, 1);
    }

    private static void assertDead(TestLab lab, PhoneState s) {
        assertThat(s.bricked()).isTrue();
        assertThat(s.state()).isEqualTo("bricked");
        assertThat(s.brickReason()).isNotBlank();
        assertThat(TelnetTestClient.refused(lab.telnet(1))).as("telnet refused").isTrue();
        assertThat(TelnetTestClient.refused(lab.http(1))).as("HTTP refused").isTrue();
    }

    @Test
    void sip267StraightToMgcpBricksEvenWithTheCleanSequenceAndACompatibleDsp() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            PhoneState s = stageAndReboot(lab, lab.app("mgcp:1.55"), "ST2030_dsp_v101.zz");
            assertDead(lab, s);
            assertThat(s.protocol()).isEqualTo("mgcp");
            assertThat(s.brickReason()).contains("no-direct-mgcp-sip-2.6x");

            lab.lab.phone(1).powerCycle();
            assertThat(lab.state(1).bricked()).as("power-cycling does not revive a brick").isTrue();
            assertThat(TelnetTestClient.refused(lab.telnet(1))).isTrue();
        }
    }

    @Test
    void applicationWithoutItsDspBricks() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            PhoneState s = stageAndReboot(lab, "v2030SG.081210.1.66.2.zz");
            assertDead(lab, s);
            assertThat(s.dsp()).isEqualTo("v2030_dsp_v310_r11.1.zz");
            assertThat(s.brickReason()).contains("does not run with DSP");
        }
    }

    @Test
    void wrongDspForTheRunningApplicationBricks() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            try (TelnetTestClient c = lab.login(1)) {
                c.command("tftp " + TestLab.SERVER + " v2030_dsp_R11.1_SED_v320.zz");
                c.commandUntilClosed("reboot");
            }
            assertDead(lab, lab.awaitBoot(1, 1));
        }
    }

    @Test
    void skippingTheBridgeDownTo150Bricks() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            PhoneState s = stageAndReboot(lab, lab.app("sip:1.50"), "ST2030_SIP_v100_dsp_4way.zz");
            assertDead(lab, s);
            assertThat(s.brickReason()).contains("sip-2.67-bridge");
        }
    }

    @Test
    void mgcpStraightToSip268Bricks() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "mgcp:1.55")) {
            assertDead(lab, stageAndReboot(lab, lab.app("sip:2.68"), "v2030_dsp_R11.1_SED_v320.zz"));
        }
    }

    @Test
    void st2022MgcpStraightToSip468Bricks() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2022", "mgcp:3.55.2")) {
            assertDead(lab, stageAndReboot(lab, lab.app("sip:4.68"), "v2022_dsp_R11.1_SED_v320.zz"));
        }
    }

    @Test
    void applicationTheMatrixDoesNotKnowBricks() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            Path unknown = FirmwareFixtures.of(lab.model).writeApplication(lab.firmware, Load.of("sip", "2.50"));
            PhoneState s = stageAndReboot(lab, unknown.getFileName().toString());
            assertDead(lab, s);
            assertThat(s.brickReason()).contains("not a load the firmware matrix knows");
        }
    }

    @Test
    void compatibleHopThroughTheBridgeDoesNotBrick() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            PhoneState s = stageAndReboot(lab, "v2030SG.081210.1.66.2.zz", "ST2030_dsp_v101.zz");
            assertThat(s.bricked()).isFalse();
            assertThat(s.state()).isEqualTo("running");
            assertThat(Optional.ofNullable(s.brickReason())).isEmpty();
        }
    }

    @Test
    void powerCycleOrRebootWhileAnotherSessionWritesFlashBricks() throws IOException {
        for (boolean powerCycle : new boolean[] {true, false}) {
            try (TestLab lab = TestLab.start(tmp.resolve(powerCycle ? "cycle" : "reboot"), "ST2030", "sip:2.67")) {
                lab.tftp.stallAfter("v2030SG.081210.1.66.2.zz", 3);
                try (TelnetTestClient writer = lab.login(1); TelnetTestClient other = lab.login(1)) {
                    writer.sendLine("tftp " + TestLab.SERVER + " v2030SG.081210.1.66.2.zz");
                    writer.readUntil("TFTP: downloading", TelnetTestClient.STEP);
                    Await.until("the transfer to start", TestLab.WAIT, () -> !lab.tftp.requests().isEmpty());
                    if (powerCycle) {
                        lab.lab.phone(1).powerCycle();
                    } else {
                        other.commandUntilClosed("reboot");
                    }
                    assertThat(writer.awaitClosed(TelnetTestClient.STEP)).isTrue();
                }
                PhoneState s = lab.awaitState(1, "bricked", PhoneState::bricked);
                assertThat(s.brickReason()).contains("during a flash write");
                assertDead(lab, s);
            }
        }
    }
}
