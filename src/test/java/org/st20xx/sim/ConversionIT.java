package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.credentials.Account;
import org.st20xx.credentials.Credentials;
import org.st20xx.credentials.Secret;

/** Seed 000 section 6, typed by hand on simulated phones, converts them (and only the right way). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConversionIT {
    static final String[] ADMIN = {"administrator", "789234"};

    @TempDir
    Path tmp;

    @Test
    void st2030FromSip267ThroughBridgeToMgcp() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            PhoneState bridge = lab.hop(1, "v2030SG.081210.1.66.2.zz", "ST2030_dsp_v101.zz",
                    "TelConf2030SG_v1.66.2.txt", ADMIN, ADMIN);
            assertThat(bridge.protocol()).isEqualTo("sip");
            assertThat(bridge.version()).isEqualTo("1.66.2");
            assertThat(bridge.state()).isEqualTo("running");

            String mgcpApp = lab.app("mgcp:1.55");
            PhoneState end = lab.hop(1, mgcpApp, "ST2030_dsp_v101.zz", lab.config("mgcp:1.55"),
                    ADMIN, ADMIN);
            assertThat(end.protocol()).isEqualTo("mgcp");
            assertThat(end.version()).isEqualTo("1.55");
            assertThat(end.app()).isEqualTo(mgcpApp);
            assertThat(end.dsp()).isEqualTo("ST2030_dsp_v101.zz");
            assertThat(end.config()).isEqualTo("TelConf2030MC_v1.55.txt");
            assertThat(end.bricked()).isFalse();
            assertThat(end.state()).isEqualTo("running");
            assertThat(end.configValid()).isTrue();
            assertThat(end.reboots()).isEqualTo(4);
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.command("sys info")).isEqualTo(String.join("\n",
                        "Model: ST2030 hw5", "Protocol: MGCP", "Application: " + mgcpApp, "Version: 1.55",
                        "DSP: ST2030_dsp_v101.zz", "Config: TelConf2030MC_v1.55.txt (ok)", "MAC: 00-14-7F-E1-00-01"));
            }
        }
    }

    @Test
    void st2022SeedExamplesBothWaysWithTheirOwnAccounts() throws IOException {
        String[] sip = {"sipadmin", "1111"};
        String[] mgcp = {"mgcpadmin", "2222"};
        Credentials accounts = new Credentials(Map.of(
                "sip", new Account(sip[0], Secret.of(sip[1])),
                "mgcp", new Account(mgcp[0], Secret.of(mgcp[1])),
                "web", Credentials.DEFAULT_WEB));
        try (TestLab lab = TestLab.start(tmp, "ST2022", "mgcp:3.55.2", b -> b.credentials(accounts))) {
            // seed 000 s6.2: MGCP -> SIP 3.65.1
            PhoneState sipState = lab.hop(1, "v2022SG.081010.3.65.1.zz", "v2022s_dsp_v300.zz",
                    "TelConf2022SG_v3.65.1.txt", mgcp, sip);
            assertThat(sipState.protocol()).isEqualTo("sip");
            assertThat(sipState.state()).isEqualTo("running");
            // seed 000 s6.1 (step 7 corrected): SIP -> MGCP 3.55.2
            PhoneState mgcpState = lab.hop(1, "v2022MC.070806.3.55.2.zz", "ST2022m_DSP_v300.zz",
                    "TelConf2022MC_v3.55.2.txt", sip, mgcp);
            assertThat(mgcpState.protocol()).isEqualTo("mgcp");
            assertThat(mgcpState.version()).isEqualTo("3.55.2");
            assertThat(mgcpState.bricked()).isFalse();
            assertThat(mgcpState.state()).isEqualTo("running");
        }
    }

    @Test
    void protocolChangeWithoutCleanSequenceBootsMisconfiguredAndRunningTheHopAgainRepairsIt() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:1.66")) {
            String app = lab.app("mgcp:1.55");
            try (TelnetTestClient c = lab.login(1)) {
                c.command("tftp " + TestLab.SERVER + " " + app);
                c.commandUntilClosed("reboot immediate");
            }
            PhoneState s = lab.awaitBoot(1, 1);
            assertThat(s.state()).isEqualTo("misconfigured");
            assertThat(s.protocol()).isEqualTo("mgcp");
            assertThat(s.configValid()).isFalse();
            assertThat(s.bricked()).isFalse();
            try (TelnetTestClient c = lab.login(1)) {
                assertThat(c.command("sys info")).contains("Config: TelConf2030SG_v1.66.2.txt (ERROR: configuration of another protocol)");
            }

            PhoneState repaired = lab.hop(1, app, "ST2030_dsp_v101.zz", lab.config("mgcp:1.55"),
                    ADMIN, ADMIN);
            assertThat(repaired.state()).isEqualTo("running");
            assertThat(repaired.configValid()).isTrue();
        }
    }

    @Test
    void cleanSequenceBeforeTheApplicationDownloadDoesNotCount() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:1.66")) {
            try (TelnetTestClient c = lab.login(1)) {
                SeedProcedure.clean(c);
                c.command("tftp " + TestLab.SERVER + " " + lab.app("mgcp:1.55"));
                c.commandUntilClosed("reboot immediate");
            }
            assertThat(lab.awaitBoot(1, 1).state()).isEqualTo("misconfigured");
        }
    }

    @Test
    void sameProtocolUpgradeNeedsNoCleanSequence() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            assertThat(Files.exists(lab.firmware.resolve("v2030SG.R11.1.SED.101223.2.74.zz"))).isTrue();
            try (TelnetTestClient c = lab.login(1)) {
                c.command("tftp " + TestLab.SERVER + " v2030SG.R11.1.SED.101223.2.74.zz");
                c.command("tftp " + TestLab.SERVER + " v2030_dsp_R11.1_SED_v320.zz");
                c.commandUntilClosed("reboot");
            }
            PhoneState s = lab.awaitBoot(1, 1);
            assertThat(s.state()).isEqualTo("running");
            assertThat(s.version()).isEqualTo("2.74");
        }
    }
}
