package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each {@code --fault} kind behaves as docs/simulator.md says, and fires once. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultIT {
    static final String BRIDGE_APP = "v2030SG.081210.1.66.2.zz";

    @TempDir
    Path tmp;

    private TestLab lab(String... faults) throws IOException {
        return TestLab.start(tmp, "ST2030", "sip:2.67", b -> {
            b.count(2);
            for (String f : faults) {
                b.fault(f);
            }
        });
    }

    @Test
    void dropClosesTheConnectionWithoutRunningTheCommandOnce() throws IOException {
        try (TestLab lab = lab("1:drop:tftp")) {
            try (TelnetTestClient c = lab.login(1)) {
                c.sendLine("tftp " + TestLab.SERVER + " " + BRIDGE_APP);
                assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
                assertThat(c.received()).doesNotContain("TFTP:");
            }
            assertThat(lab.state(1).flashApp()).isEqualTo(lab.state(1).app());
            assertThat(lab.tftp.requests()).isEmpty();
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.command("tftp " + TestLab.SERVER + " " + BRIDGE_APP)).endsWith("done");
            }
            assertThat(lab.state(1).flashApp()).isEqualTo(BRIDGE_APP);
        }
    }

    @Test
    void powerLossInAFlashPhaseBricks() throws IOException {
        try (TestLab lab = lab("1:power-loss:ffs")) {
            try (TelnetTestClient c = lab.login(1)) {
                c.command("sys set rel 0");
                c.sendLine("ffs format");
                assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
            }
            PhoneState s = lab.awaitState(1, "bricked", PhoneState::bricked);
            assertThat(s.state()).isEqualTo("bricked");
            assertThat(s.brickReason()).contains("power lost during 'ffs format'");
            assertThat(TelnetTestClient.refused(lab.telnet(1))).isTrue();
            assertThat(lab.state(2).bricked()).as("phone 2 has no fault").isFalse();
        }
    }

    @Test
    void powerLossDuringATransferBricks() throws IOException {
        try (TestLab lab = lab("*:power-loss:tftp")) {
            try (TelnetTestClient c = lab.login(2)) {
                c.sendLine("tftp " + TestLab.SERVER + " " + BRIDGE_APP);
                assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
            }
            assertThat(lab.awaitState(2, "bricked", PhoneState::bricked).state()).isEqualTo("bricked");
        }
    }

    @Test
    void powerLossOutsideAFlashPhaseBootsWhatIsInFlash() throws IOException {
        try (TestLab lab = lab("1:power-loss:sys", "2:power-loss:sys")) {
            try (TelnetTestClient c = lab.login(1)) {
                c.sendLine("sys info");
                assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
            }
            PhoneState s = lab.awaitBoot(1, 1);
            assertThat(s.state()).isEqualTo("running");
            assertThat(s.version()).isEqualTo("2.67");

            // phone 2 has the bridge application staged without its DSP: the boot after the power loss bricks it
            try (TelnetTestClient c = lab.login(2)) {
                c.command("tftp " + TestLab.SERVER + " " + BRIDGE_APP);
                c.sendLine("sys info");
                assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
            }
            assertThat(lab.awaitBoot(2, 1).bricked()).isTrue();
        }
    }

    @Test
    void hangNeverAnswersThatSessionButANewSessionWorks() throws IOException {
        try (TestLab lab = lab("1:hang:tftp")) {
            try (TelnetTestClient hung = lab.login(1)) {
                hung.sendLine("tftp " + TestLab.SERVER + " " + BRIDGE_APP);
                assertThat(hung.silentFor(Duration.ofMillis(500))).isTrue();
                hung.sendLine("sys info");
                assertThat(hung.silentFor(Duration.ofMillis(300))).isTrue();
                try (TelnetTestClient fresh = lab.login(1)) {
                    assertThat(fresh.command("sys info")).contains("Version: 2.67");
                    assertThat(fresh.command("tftp " + TestLab.SERVER + " " + BRIDGE_APP)).endsWith("done");
                }
            }
            assertThat(lab.tftp.requests()).containsExactly(BRIDGE_APP);
        }
    }

    @Test
    void tftpFailLeavesFlashAsItWas() throws IOException {
        try (TestLab lab = lab("1:tftp-fail:tftp")) {
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.command("tftp " + TestLab.SERVER + " " + BRIDGE_APP)).isEqualTo(
                        "TFTP: downloading " + BRIDGE_APP + " from 127.0.0.1\nError: download failed (timeout)");
                assertThat(lab.state(1).flashApp()).isEqualTo("v2030SG.000000.2.67.zz");
                assertThat(c.command("tftp " + TestLab.SERVER + " " + BRIDGE_APP)).endsWith("done");
            }
            assertThat(lab.state(1).flashApp()).isEqualTo(BRIDGE_APP);
        }
    }

    @Test
    void noReturnStaysSilentUntilPowerCycled() throws IOException {
        try (TestLab lab = lab("1:no-return:reboot")) {
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.commandUntilClosed("reboot")).isEqualTo("Rebooting...");
            }
            PhoneState stuck = lab.awaitState(1, "stuck", s -> s.state().equals("stuck"));
            assertThat(stuck.bricked()).isFalse();
            // several boot times later it is still silent
            long until = System.nanoTime() + TestLab.BOOT.multipliedBy(3).toNanos();
            while (System.nanoTime() < until) {
                assertThat(TelnetTestClient.refused(lab.telnet(1))).isTrue();
                assertThat(TelnetTestClient.refused(lab.http(1))).isTrue();
            }
            assertThat(lab.state(1).state()).isEqualTo("stuck");

            lab.lab.phone(1).powerCycle();
            PhoneState back = lab.awaitBoot(1, 1);
            assertThat(back.state()).isEqualTo("running");
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.commandUntilClosed("reboot")).as("the fault fired once").isEqualTo("Rebooting...");
            }
            assertThat(lab.awaitBoot(1, 2).state()).isEqualTo("running");
        }
    }
}
