package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHasTheContractFieldsAndTheBridgeBeforeMgcp() throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("plan", "--model", "ST2030", "--from", "sip:2.67", "--target", "mgcp",
                "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode p = JSON.readTree(r.out());
        assertThat(p.get("model").asText()).isEqualTo("ST2030");
        assertThat(p.get("from").get("protocol").asText()).isEqualTo("sip");
        assertThat(p.get("from").get("version").asText()).isEqualTo("2.67");
        assertThat(p.get("target").get("protocol").asText()).isEqualTo("mgcp");
        assertThat(p.get("warnings").isArray()).isTrue();
        JsonNode hops = p.get("hops");
        assertThat(hops).hasSize(2);
        assertThat(hops.get(0).get("protocol").asText()).isEqualTo("sip");
        assertThat(hops.get(0).get("version").asText()).startsWith("1.66");
        assertThat(hops.get(1).get("protocol").asText()).isEqualTo("mgcp");
        for (JsonNode h : hops) {
            assertThat(h.has("app") && h.has("dsp") && h.has("config")).isTrue();
        }
        assertThat(hops.get(1).get("app").isNull()).as("no source names the ST2030 MGCP file").isTrue();
    }

    @Test
    void textIsAChecklistWithAccountsCommandsAndReboots() {
        CliTestSupport.Result r = CliTestSupport.run("plan", "--model", "ST2022", "--from", "mgcp:3.55.2", "--target",
                "sip:3.65");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("Hop 1 of 1: MGCP 3.55.2 -> SIP 3.65.1")
                .contains("log in with the MGCP administrator account")
                .contains("[ ] tftp <tftp-server> v2022SG.081010.3.65.1.zz")
                .contains("[ ] tftp <tftp-server> v2022s_dsp_v300.zz")
                .contains("[ ] sys set rel 0")
                .contains("REBOOT 1/2: boots SIP 3.65.1 + DSP v3.00 SIP")
                .contains("log in with the SIP administrator account")
                .contains("[ ] tftp2 telcfg <tftp-server> TelConf2022SG_v3.65.1.txt");
    }

    @Test
    void badInputIsOneLineAndExit2() {
        for (String[] args : new String[][] {
            {"plan", "--model", "NOPE", "--from", "sip:2.67", "--target", "mgcp"},
            {"plan", "--model", "ST2030", "--from", "sip:2.60", "--target", "mgcp"},
            {"plan", "--model", "ST2030", "--from", "sip", "--target", "mgcp"},
            {"plan", "--model", "ST2030", "--from", "sip:2.67"},
            {"plan", "--model", "ST2030", "--from", "sip:2.67", "--target", "mgcp", "--format", "xml"},
        }) {
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void malformedMatrixIsReportedWithFileLineColumn(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("firmware-matrix.yaml");
        Files.writeString(m, Files.readString(Path.of("firmware-matrix.yaml"))
                .replace("reboots_per_hop: 2        #", "reboots_per_hop: 2\n    colour: red #"));
        CliTestSupport.Result r = CliTestSupport.run("plan", "--matrix", m.toString(), "--model", "ST2030", "--from",
                "sip:2.67", "--target", "mgcp");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).matches("(?s)error: .*firmware-matrix\\.yaml:14:5: unknown key 'colour'.*");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void cisco7960FromSip44ToSccp8GoesThroughSccp63() throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("plan", "--model", "7960", "--from", "sip:4.4", "--target", "sccp:8.x",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode p = JSON.readTree(r.out());
        assertThat(p.get("from").get("dsp").isNull()).isTrue();
        JsonNode hops = p.get("hops");
        assertThat(hops).hasSize(2);
        assertThat(hops.get(0).get("protocol").asText()).isEqualTo("sccp");
        assertThat(hops.get(0).get("version").asText()).isEqualTo("6.3");
        assertThat(hops.get(1).get("version").asText()).isEqualTo("8.0.4");
        for (JsonNode h : hops) {
            assertThat(h.get("dsp").isNull()).isTrue();
            assertThat(h.get("config").isNull()).isTrue();
        }
        assertThat(hops.get(0).get("app").isNull()).as("no seed names the 6.3 file").isTrue();
        assertThat(hops.get(1).get("image").asText()).isEqualTo("P00308000400");
        assertThat(hops.get(1).get("fetch")).extracting(JsonNode::asText)
                .containsExactly("P00308000400.loads", "P00308000400.sbn", "P00308000400.sb2");
        assertThat(hops.get(0).get("provision")).extracting(JsonNode::asText)
                .containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP<MAC>.cnf", "SEP<MAC>.cnf.xml");

        CliTestSupport.Result text = CliTestSupport.run("plan", "--model", "7960", "--from", "sip:4.4", "--target",
                "sccp:8.x");
        assertThat(text.out())
                .contains("Hop 1 of 2: SIP 4.4 -> SCCP 6.3")
                .contains("[ ] st20xx provision --model 7960 --mac <MAC> --from sip:4.4 --target sccp:6.3")
                .contains("[ ] power-cycle the phone")
                .contains("<SCCP 6.3>.bin")
                .contains("REBOOT 1/1: writes the image to flash, boots SCCP 6.3")
                .contains("Hop 2 of 2: SCCP 6.3 -> SCCP 8.0.4")
                .contains("P00308000400.sbn")
                .contains("provision refuses until");
    }

    @Test
    void cisco7960FromSip50ToSip4IsRefusedWithTheReason() {
        CliTestSupport.Result r = CliTestSupport.run("plan", "--model", "7960", "--from", "sip:5.0", "--target", "sip:4.x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("error: no safe plan for 7960 from SIP 5.0 to SIP 4.4: a direct reboot is forbidden by rule"
                        + " no-return-below-5.0"));
    }

    @Test
    void debugShowsTheStackTrace() {
        CliTestSupport.Result r = CliTestSupport.run("plan", "--model", "NOPE", "--from", "sip:2.67", "--target", "mgcp",
                "--debug");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void helpListsTheCommandsAndVersionPrints() {
        CliTestSupport.Result help = CliTestSupport.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("plan").contains("firmware").contains("Exit codes");
        CliTestSupport.Result version = CliTestSupport.run("--version");
        assertThat(version.out()).startsWith("st20xx ");
        assertThat(CliTestSupport.run("plan", "--help").out()).contains("--firmware").contains("Examples");
    }
}
