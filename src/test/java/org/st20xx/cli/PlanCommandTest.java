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
