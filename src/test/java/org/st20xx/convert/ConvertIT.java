package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.cli.Cli;
import org.st20xx.sim.PhoneState;

/** st20xx convert against simulated phones over real telnet, TFTP and HTTP on loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConvertIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void assertNoSecrets(String text) {
        assertThat(text).doesNotContain("789234").doesNotContain("784518");
    }

    @Test
    void aBadPortIsAOneLineUsageErrorInEveryAddressForm() {
        Map<String, String> badPorts = new LinkedHashMap<>();
        badPorts.put("127.0.0.1:99999", "99999");
        badPorts.put("[::1]:telnet", "telnet");
        badPorts.put("[::1]:99999", "99999");
        badPorts.put("[::1]:", "");
        badPorts.forEach((ip, port) -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("convert", "--ip", ip,
                    "--target", "mgcp", "--runs-dir", dir.resolve("runs").toString());
            assertThat(code).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).doesNotContain("\tat ")
                    .isEqualTo("error: --ip " + ip + ": '" + port + "' is not a port (1-65535)" + System.lineSeparator());
            assertThat(out.toString()).isEmpty();
        });
    }

    @Test
    void st2030FromSip267ToMgcpThroughTheBridge() throws Exception {
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> { })) {
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp", "--format", "json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.get("status").asText()).isEqualTo("converted");
            assertThat(j.get("from").asText()).isEqualTo("sip:2.67");
            assertThat(j.get("to").asText()).isEqualTo("mgcp:1.55");
            assertThat(j.get("hops").asInt()).isEqualTo(2);
            assertThat(j.get("plan").get("hops").get(0).get("version").asText()).isEqualTo("1.66.2");
            PhoneState s = bench.state(1);
            assertThat(s.protocol()).isEqualTo("mgcp");
            assertThat(s.bricked()).isFalse();
            assertThat(s.reboots()).isEqualTo(4);
            assertThat(s.config()).isEqualTo("TelConf2030MC_v1.55.txt");
            assertNoSecrets(r.out() + r.err() + bench.runFiles());
        }
    }

    @Test
    void st2022FromMgcpToSip468() throws Exception {
        try (SimBench bench = new SimBench(dir, "ST2022", "mgcp:3.55.2", 1, b -> { })) {
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "sip:4.68", "--model", "ST2022",
                    "--from", "mgcp:3.55.2");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("converted " + bench.ip(1) + ": MGCP 3.55.2 -> SIP 4.68");
            PhoneState s = bench.state(1);
            assertThat(s.protocol()).isEqualTo("sip");
            assertThat(s.version()).isEqualTo("4.68");
            assertThat(s.dsp()).isEqualTo("v2022_dsp_R11.1_SED_v320.zz");
            assertThat(s.bricked()).isFalse();
            assertThat(r.err()).contains("hop 1/2: MGCP 3.55.2 -> SIP 3.66").contains("hop 2/2: SIP 3.66 -> SIP 4.68");
        }
    }

    @Test
    void everyHopKindOfTheMatrix() throws Exception {
        // SIP -> SIP bridge downgrade and SIP -> MGCP (ST2030), then MGCP -> SIP and a SIP upgrade
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:2.68", 1, b -> { })) {
            SimBench.Result down = bench.st("convert", "--ip", bench.ip(1), "--target", "sip:1.50");
            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(bench.state(1).version()).isEqualTo("1.50");
            assertThat(bench.state(1).dsp()).isEqualTo("ST2030_SIP_v100_dsp_4way.zz");
            SimBench.Result toMgcp = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp");
            assertThat(toMgcp.exitCode()).as(toMgcp.err()).isZero();
            assertThat(bench.state(1).protocol()).isEqualTo("mgcp");
            SimBench.Result up = bench.st("convert", "--ip", bench.ip(1), "--target", "sip:2.74");
            assertThat(up.exitCode()).as(up.err()).isZero();
            PhoneState s = bench.state(1);
            assertThat(s.protocol()).isEqualTo("sip");
            assertThat(s.version()).isEqualTo("2.74");
            assertThat(s.bricked()).isFalse();
            assertThat(up.err()).contains("SIP 1.66.2");
        }
    }

    @Test
    void dryRunShowsEveryLineAndLeavesThePhoneAlone() throws Exception {
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> { })) {
            byte[] before = bench.stateBytes(1);
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp", "--dry-run");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("Password: ****")
                    .contains("tftp 127.0.0.1 v2030SG.081210.1.66.2.zz")
                    .contains("tftp 127.0.0.1 ST2030_dsp_v101.zz")
                    .contains("reboot immediate")
                    .contains("tftp2 telcfg 127.0.0.1 TelConf2030MC_v1.55.txt");
            assertThat(bench.stateBytes(1)).isEqualTo(before);
            assertNoSecrets(r.out() + r.err() + bench.runFiles());
        }
    }

    @Test
    void telnetIsSwitchedOnThroughTheWebPage() throws Exception {
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:1.66.2", 1, b -> b.telnetEnabled(false))) {
            SimBench.Result refused = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("connection refused").contains("--enable-telnet");
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp", "--enable-telnet",
                    "--web-port", String.valueOf(bench.webPort(1)));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains("telnet switched on through the web page");
            assertThat(bench.state(1).telnetEnabled()).isTrue();
            assertThat(bench.state(1).protocol()).isEqualTo("mgcp");
        }
    }

    @Test
    void aWrongPasswordIsAClearFailure() throws Exception {
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> { })) {
            Path creds = Files.writeString(dir.resolve("creds.yaml"),
                    "sip: { user: administrator, password: \"wrong-pw\" }\nmgcp: { user: administrator, password: \"wrong-pw\" }\n");
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp", "--credentials", creds.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("error: login on " + bench.ip(1) + " failed with the SIP account administrator/****");
            assertThat(r.err() + r.out() + bench.runFiles()).doesNotContain("wrong-pw");
            assertThat(bench.state(1).reboots()).isZero();
        }
    }

    @Test
    void aPhoneAnsweringSomethingUnexpectedIsRefusedWithTheStep() throws Exception {
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> { })) {
            Path playbook = dir.resolve("odd.yaml");
            Files.writeString(playbook, Files.readString(Path.of("playbooks/st20xx.yaml"))
                    .replace("version:  '(?m)^Version: *(?<value>\\d+(?:\\.\\d+)*)'", "version:  '(?m)^Firmware: *(?<value>\\d+(?:\\.\\d+)*)'"));
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp", "--playbook", playbook.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("step identify ('sys info'): the phone answered something unexpected: no version");
            assertThat(r.err()).doesNotContain("\tat ");
            assertThat(bench.state(1).reboots()).isZero();
        }
    }

    @Test
    void aDspTransferThatFailsNeverLetsThePhoneReboot() throws Exception {
        // the first tftp of hop 1 is the application, the second the DSP: fail the DSP's
        try (SimBench bench = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> b.fault("1:tftp-fail:tftp:2"))) {
            SimBench.Result r = bench.st("convert", "--ip", bench.ip(1), "--target", "mgcp");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("hop 1/2").contains("step pull_dsp").contains("download failed")
                    .contains("do not power-cycle").contains("--resume");
            PhoneState s = bench.state(1);
            assertThat(s.reboots()).isZero();
            assertThat(s.bricked()).isFalse();
            assertThat(s.version()).isEqualTo("2.67");
        }
    }
}
