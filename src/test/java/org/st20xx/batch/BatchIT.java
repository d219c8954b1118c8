package org.st20xx.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.demo.Demo;
import org.st20xx.cli.Cli;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.sim.FirmwareFixtures;
import org.st20xx.sim.PhoneState;
import org.st20xx.sim.SimConfig;
import org.st20xx.sim.SimulatedLab;
import org.st20xx.sim.SimulatedPhone;

/** st20xx batch over simulated phones on their own loopback addresses, through the real CLI. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BatchIT {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private Result st(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path csv(SimulatedLab lab, String target) throws IOException {
        StringBuilder sb = new StringBuilder("ip,port,model,target\r\n");
        for (SimulatedPhone p : lab.phones()) {
            sb.append(p.telnetAddress().getAddress().getHostAddress()).append(',').append(p.telnetAddress().getPort())
                    .append(",ST2030,").append(target).append("\r\n");
        }
        return Files.writeString(dir.resolve("lab.csv"), sb.toString());
    }

    @Test
    void twoFaultedPhonesFailAloneAndResumeConvertsOnlyThem() throws Exception {
        Path firmware = Files.createDirectories(dir.resolve("firmware"));
        FirmwareFixtures.of(MATRIX.requireModel("ST2030")).writeAll(firmware);
        int tftp = Demo.freeUdpPort();
        SimConfig config = SimConfig.builder("ST2030", "sip:2.67").matrix(MATRIX).count(6).bind("127.0.20.1")
                .tftpPort(tftp).telnetEnabled(true).bootTime(Duration.ofMillis(200))
                .stateDir(dir.resolve("state")).fault("2:tftp-fail:tftp:2").fault("5:tftp-fail:tftp2").build();
        try (SimulatedLab lab = SimulatedLab.start(config)) {
            Path csv = csv(lab, "mgcp");
            List<String> common = List.of("batch", csv.toString(), "--firmware", firmware.toString(), "--tftp-port",
                    String.valueOf(tftp), "--runs-dir", dir.resolve("runs").toString(), "--parallel", "6", "--progress", "plain");
            List<String> first = new ArrayList<>(common);
            first.addAll(List.of("--report", dir.resolve("r1/report.json").toString()));
            Result r = st(first.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode report = JSON.readTree(dir.resolve("r1/report.json").toFile());
            assertThat(report.get("summary").get("converted").asInt()).isEqualTo(4);
            assertThat(report.get("summary").get("failed").asInt()).isEqualTo(2);
            List<String> failedCsv = Files.readAllLines(dir.resolve("r1/failed.csv"));
            assertThat(failedCsv).hasSize(3);
            assertThat(failedCsv.get(1)).startsWith("127.0.20.2,");
            assertThat(failedCsv.get(2)).startsWith("127.0.20.5,");
            for (int n = 1; n <= 6; n++) {
                PhoneState s = PhoneState.read(lab.phone(n).stateFile().orElseThrow());
                assertThat(s.bricked()).as("phone %d", n).isFalse();
                assertThat(s.protocol()).as("phone %d", n).isEqualTo(n == 2 || n == 5 ? "sip" : "mgcp");
            }
            assertThat(report.get("phones").get(1).get("error").asText()).contains("127.0.20.2").contains("step pull_dsp");
            assertThat(report.get("phones").get(4).get("error").asText()).contains("127.0.20.5").contains("step pull_config");

            List<String> again = new ArrayList<>(common);
            again.addAll(List.of("--resume", "--report", dir.resolve("r2/report.json").toString()));
            Result resumed = st(again.toArray(String[]::new));
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            JsonNode second = JSON.readTree(dir.resolve("r2/report.json").toFile());
            assertThat(second.get("summary").get("converted").asInt()).isEqualTo(2);
            assertThat(second.get("summary").get("skipped").asInt()).isEqualTo(4);
            assertThat(resumed.err()).contains("an earlier run may have left another DSP in flash").doesNotContain("127.0.20.1:" + lab.phone(1).telnetAddress().getPort() + " started");
            for (int n = 1; n <= 6; n++) {
                PhoneState s = PhoneState.read(lab.phone(n).stateFile().orElseThrow());
                assertThat(s.protocol()).as("phone %d", n).isEqualTo("mgcp");
                assertThat(s.bricked()).isFalse();
                if (n != 2 && n != 5) {
                    assertThat(s.reboots()).as("converted phones are not touched again").isEqualTo(4);
                }
            }
            assertThat(Files.readAllLines(dir.resolve("r2/failed.csv"))).hasSize(1);
        }
    }

    @Test
    void aMalformedCsvIsRefusedBeforeAnyPhoneIsTouched() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "addr,model\n127.0.0.1,ST2030\n");
        Result noIp = st("batch", csv.toString(), "--target", "mgcp");
        assertThat(noIp.exitCode()).isEqualTo(2);
        assertThat(noIp.err()).contains("bad.csv:1: the header has no 'ip' column").doesNotContain("\tat ");

        Files.writeString(csv, "ip,port,model\n127.0.0.1,2301,ST2030\n127.0.0.1,2302,ST2030\n127.0.0.1,2303,ST2030\n"
                + "127.0.0.1,2304,ST2030\n127.0.0.1,2305,ST2030\n10.0.0.300,2306,ST2030\n127.0.0.1,2301,ST2030\n");
        Result bad = st("batch", csv.toString(), "--target", "mgcp", "--runs-dir", dir.resolve("runs").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.csv:7: ip: '10.0.0.300' is not an IPv4 address")
                .contains("bad.csv:8: ip: 127.0.0.1:2301 is listed twice (first on line 2)");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aPhoneWithNoSafePlanStopsTheBatchBeforeAnyChange() throws Exception {
        Path firmware = Files.createDirectories(dir.resolve("firmware"));
        FirmwareFixtures.of(MATRIX.requireModel("ST2030")).writeAll(firmware);
        Files.delete(firmware.resolve("v2030SG.081210.1.66.2.zz"));
        int tftp = Demo.freeUdpPort();
        SimConfig config = SimConfig.builder("ST2030", "sip:2.67").matrix(MATRIX).count(2).bind("127.0.21.1")
                .tftpPort(tftp).telnetEnabled(true).bootTime(Duration.ofMillis(200)).stateDir(dir.resolve("state")).build();
        try (SimulatedLab lab = SimulatedLab.start(config)) {
            Path csv = csv(lab, "mgcp");
            Result r = st("batch", csv.toString(), "--firmware", firmware.toString(), "--tftp-port", String.valueOf(tftp),
                    "--runs-dir", dir.resolve("runs").toString(), "--progress", "none");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("lab.csv:2: 127.0.21.1:").contains("lab.csv:3: 127.0.21.2:")
                    .contains("v2030SG.081210.1.66.2.zz");
            for (int n = 1; n <= 2; n++) {
                assertThat(PhoneState.read(lab.phone(n).stateFile().orElseThrow()).reboots()).isZero();
            }
        }
    }
}
