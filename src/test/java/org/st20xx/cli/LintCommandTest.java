package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture of src/test/resources/cisco/lint is a case of seed 001's "Common Issues and
 * Troubleshooting Tips" (or of the brief's list): a TFTP root, the extra arguments, and the start
 * of each line lint must print, in order, with its file and line.
 */
class LintCommandTest {
    private static final Path CASES = CiscoFixtures.ROOT.resolve("lint");

    static Stream<String> troubleshootingCases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static CliTestSupport.Result lint(Path root, String... args) {
        return CliTestSupport.run(Stream.concat(Stream.of("lint", "--tftp-root", root.toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("troubleshootingCases")
    void catchesEachTroubleshootingCaseWithItsFileAndLine(String name) throws IOException {
        Path c = CASES.resolve(name);
        String[] args = Files.exists(c.resolve("args")) ? CiscoFixtures.args(c.resolve("args")) : new String[0];
        CliTestSupport.Result r = lint(c.resolve("root"), args);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        List<String> expected = Files.readAllLines(c.resolve("expected"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines).as(r.out()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(lines.get(i)).startsWith(expected.get(i)).matches("[^:]+:\\d+: .*");
        }
        assertThat(r.out() + r.err()).doesNotContain("SuperSecret");
    }

    @Test
    void whatProvisionWritesIsClean(@TempDir Path root) throws IOException {
        CiscoFixtures.image(root, "P0S3-07-4-00.loads", "P003-07-4-00.sbn", "P0S3-07-4-00.sb2");
        assertThat(CliTestSupport.run("provision", "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sccp:8.0.4",
                "--target", "sip:7.4", "--tftp-root", root.toString()).exitCode()).isZero();
        CliTestSupport.Result r = lint(root, "--from", "sccp:8.0.4", "--mac", "001A2B3C4D5E", "--model", "7960");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).isEqualTo("ok: " + root + ": no problem found\n");
        assertThat(lint(root).exitCode()).as("clean whatever the phone runs").isZero();
        CliTestSupport.Result old = lint(root, "--from", "sip:4.4");
        assertThat(old.exitCode()).as("SIP 4.4 would need the nonsecure loader .bin").isEqualTo(1);
        assertThat(old.out()).contains("P003-07-4-00.bin is not in the TFTP root");
    }

    @Test
    void macLimitsThePerPhoneFiles(@TempDir Path root) throws IOException {
        Path c = CASES.resolve("image-version-mismatch/root");
        CiscoFixtures.copy(c, root);
        Files.writeString(root.resolve("SIP00000000000B.cnf"), "image_version: P0S3-07-4-00\n");
        assertThat(lint(root, "--mac", "00:00:00:00:00:0b").exitCode()).isZero();
        assertThat(lint(root, "--mac", "001a2b3c4d5e").out()).contains("SIP001A2B3C4D5E.cnf:2:");
    }

    @Test
    void namesLongerThan83AreCaughtForSip21EvenWithoutTheRule(@TempDir Path tmp) throws IOException {
        String matrix = Files.readString(Path.of("firmware-matrix.yaml"));
        int at = matrix.indexOf("      - name: sip-2.1-takes-only-8.3-names");
        int end = matrix.indexOf("      - name: sip-5-6-to-sccp-through-sip-7");
        Path m = tmp.resolve("m.yaml");
        Files.writeString(m, matrix.substring(0, at) + matrix.substring(end));
        Path root = Files.createDirectory(tmp.resolve("root"));
        Files.writeString(root.resolve("OS79XX.TXT"), "P0S3-04-4-00\n");
        CiscoFixtures.image(root, "P0S3-04-4-00.bin");
        CliTestSupport.Result r = lint(root, "--matrix", m.toString(), "--from", "sip:2.1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("OS79XX.TXT:1: names P0S3-04-4-00, but SIP 2.1 takes only 8.3 file names");
    }

    @Test
    void badUsageIsOneLineAndExit2(@TempDir Path root) {
        for (String[] args : new String[][] {
            {"lint", "--tftp-root", root.resolve("nope").toString()},
            {"lint", "--tftp-root", root.toString(), "--mac", "12:34"},
            {"lint", "--tftp-root", root.toString(), "--model", "ST2030"},
            {"lint", "--tftp-root", root.toString(), "--from", "mgcp:1.0", "--model", "7960"},
            {"lint"},
        }) {
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ");
        }
        assertThat(lint(root).exitCode()).as("an empty root is clean").isZero();
    }

    @Test
    void helpTeaches() {
        CliTestSupport.Result r = CliTestSupport.run("lint", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("FILE:LINE").contains("W210").contains("Examples").contains("Exit codes");
    }
}
