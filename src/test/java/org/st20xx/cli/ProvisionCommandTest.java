package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisionCommandTest {
    private static final Path CASES = CiscoFixtures.ROOT.resolve("provision");

    static Stream<String> goldenCases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static CliTestSupport.Result provision(Path root, String... args) {
        String[] all = Stream.concat(Stream.of("provision"), Stream.concat(Stream.of(args),
                Stream.of("--tftp-root", root.toString()))).toArray(String[]::new);
        return CliTestSupport.run(all);
    }

    @ParameterizedTest
    @MethodSource("goldenCases")
    void writesExactlyTheGoldenFilesAndSaysWhatThePhoneDoes(String name, @TempDir Path root) throws IOException {
        Path c = CASES.resolve(name);
        CiscoFixtures.copy(c.resolve("before"), root);
        CliTestSupport.Result r = provision(root, CiscoFixtures.args(c.resolve("args")));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(CiscoFixtures.contents(root)).isEqualTo(CiscoFixtures.contents(c.resolve("after")));
        assertThat(r.out().replace(root.toString(), "<root>")).isEqualTo(Files.readString(c.resolve("stdout")));
        assertThat(r.out() + r.err()).doesNotContain("SuperSecret");
        assertThat(Files.exists(root.resolve(".st20xx-provision.json"))).isTrue();
    }

    private static void sccp8Images(Path root) throws IOException {
        CiscoFixtures.image(root, "P00306030000.loads", "P00306030000.bin", "P00306030000.sb2", "P00308000400.loads",
                "P00308000400.sbn", "P00308000400.sb2");
    }

    @Test
    void everyMacNotationWritesTheSameFiles(@TempDir Path tmp) throws IOException {
        Map<String, String> first = null;
        for (String mac : List.of("00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001A.2B3C.4D5E", "001a2b3c4d5e")) {
            Path root = Files.createDirectory(tmp.resolve(mac.replace(':', '_')));
            sccp8Images(root);
            CliTestSupport.Result r = provision(root, "--model", "7960", "--mac", mac, "--from", "sip:4.4", "--target",
                    "sccp:8.x");
            assertThat(r.exitCode()).as(r.err()).isZero();
            Map<String, String> files = CiscoFixtures.contents(root);
            assertThat(files).containsKeys("SIP001A2B3C4D5E.cnf", "SEP001A2B3C4D5E.cnf.xml");
            if (first != null) {
                assertThat(files).isEqualTo(first);
            }
            first = files;
        }
    }

    @Test
    void aBadMacIsOneLineAndExit2(@TempDir Path root) throws IOException {
        sccp8Images(root);
        CliTestSupport.Result r = provision(root, "--model", "7960", "--mac", "00:1a:2b:3c:4d", "--from", "sip:4.4",
                "--target", "sccp:8.x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().satisfies(l ->
                assertThat(l).startsWith("error: --mac '00:1a:2b:3c:4d': not a MAC address"));
        assertThat(CiscoFixtures.contents(root)).doesNotContainKey("OS79XX.TXT");
    }

    @Test
    void neverOverwritesAFileItDidNotWriteWithoutForce(@TempDir Path root) throws IOException {
        sccp8Images(root);
        String theirs = "image_version: P0S3-04-4-00\nproxy1_address: \"192.0.2.1\"\nline1_password: \"SuperSecret-3\"\n";
        Files.writeString(root.resolve("SIPDefault.cnf"), theirs);
        Map<String, String> before = CiscoFixtures.contents(root);
        CliTestSupport.Result r = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sip:4.4",
                "--target", "sccp:8.x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nothing written").contains("SIPDefault.cnf is in the TFTP root and st20xx did not"
                + " write it").contains("--force").doesNotContain("SuperSecret").doesNotContain("\tat ");
        assertThat(CiscoFixtures.contents(root)).as("nothing written at all").isEqualTo(before);
        assertThat(Files.exists(root.resolve(".st20xx-provision.json"))).isFalse();

        CliTestSupport.Result forced = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sip:4.4",
                "--target", "sccp:8.x", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("updated  SIPDefault.cnf").doesNotContain("SuperSecret");
        assertThat(Files.readString(root.resolve("SIPDefault.cnf"))).isEqualTo(theirs.replace("P0S3-04-4-00", "P00306030000"));
    }

    @Test
    void aFileChangedSinceItWroteItCountsAsSomeoneElses(@TempDir Path root) throws IOException {
        sccp8Images(root);
        String[] args = {"--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sip:4.4", "--target", "sccp:8.x"};
        assertThat(provision(root, args).exitCode()).isZero();
        assertThat(provision(root, args).out()).as("running it again keeps its own files").contains("kept     OS79XX.TXT")
                .doesNotContain("wrote");
        Files.writeString(root.resolve("OS79XX.TXT"), "P00306030000\r\n");
        CliTestSupport.Result r = provision(root, args);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("OS79XX.TXT is in the TFTP root and st20xx did not write it (or it changed since)");
        assertThat(Files.readString(root.resolve("OS79XX.TXT"))).isEqualTo("P00306030000\r\n");
    }

    @Test
    void aSharedFileWrittenForAnotherPhoneIsNotChangedUnderIt(@TempDir Path root) throws IOException {
        CiscoFixtures.image(root, "P00308000400.loads", "P00308000400.sbn", "P00308000400.sb2", "P0S3-07-4-00.loads",
                "P003-07-4-00.sbn", "P0S3-07-4-00.sb2");
        assertThat(provision(root, "--model", "7960", "--mac", "00:00:00:00:00:0a", "--from", "sip:7.4", "--target",
                "sccp:8.0.4").exitCode()).isZero();
        String[] other = {"--model", "7960", "--mac", "00:00:00:00:00:0b", "--from", "sccp:8.0.4", "--target", "sip:7.4"};
        CliTestSupport.Result r = provision(root, other);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("OS79XX.TXT names another image for phone(s) 00000000000A")
                .contains("TFTP Accessibility");
        assertThat(Files.readString(root.resolve("OS79XX.TXT"))).isEqualTo("P00308000400\n");

        CliTestSupport.Result forced = provision(root, Stream.concat(Stream.of(other), Stream.of("--force"))
                .toArray(String[]::new));
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("note: OS79XX.TXT no longer names the image of phone(s) 00000000000A");
        assertThat(Files.readString(root.resolve("OS79XX.TXT"))).isEqualTo("P003-07-4-00\n");
    }

    @Test
    void theNextHopRemovesTheFilesOnlyThePreviousOneNeeded(@TempDir Path root) throws IOException {
        sccp8Images(root);
        CliTestSupport.Result first = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sip:4.4",
                "--target", "sccp:8.x");
        assertThat(first.out()).contains("st20xx provision --model 7960 --mac 001A2B3C4D5E --from sccp:6.3 --target"
                + " sccp:8.0.4 --tftp-root " + root);
        CliTestSupport.Result second = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sccp:6.3",
                "--target", "sccp:8.0.4");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("removed  SIPDefault.cnf").contains("removed  SIP001A2B3C4D5E.cnf")
                .contains("Done when");
        assertThat(CiscoFixtures.contents(root)).doesNotContainKeys("SIPDefault.cnf", "SIP001A2B3C4D5E.cnf")
                .containsEntry("OS79XX.TXT", "P00308000400\n");
        JsonNode manifest = new ObjectMapper().readTree(root.resolve(".st20xx-provision.json").toFile());
        assertThat(manifest.get("files").has("SIPDefault.cnf")).isFalse();
        JsonNode phone = manifest.get("phones").get("001A2B3C4D5E");
        assertThat(phone.get("hopTo").asText()).isEqualTo("sccp:8.0.4");
        assertThat(phone.get("image").asText()).isEqualTo("P00308000400");
        assertThat(manifest.get("files").get("OS79XX.TXT").get("sha256").asText()).hasSize(64);
    }

    @Test
    void aShortFromNamesTheOneReleaseItCanMean(@TempDir Path root) {
        CliTestSupport.Result r = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sccp:5.0",
                "--target", "sip:7.4");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("hop 1 (SCCP 5.0.1.1 -> SIP 7.4): no SIP 7.4 image (a file named like"
                + " P0S3-07-4-00.loads");
    }

    @Test
    void refusesWhenAnImageFileOfAnyHopIsMissing(@TempDir Path root) throws IOException {
        CiscoFixtures.image(root, "P00306030000.loads", "P00306030000.bin", "P00306030000.sb2", "P00308000400.loads",
                "P00308000400.SB2");
        CliTestSupport.Result r = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sip:4.4",
                "--target", "sccp:8.x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("lacks 2 image file(s)").contains("hop 2 (SCCP 6.3 -> SCCP 8.0.4): P00308000400.sbn")
                .contains("P00308000400.sb2 (P00308000400.SB2 is there: TFTP names are case sensitive)");
        assertThat(CiscoFixtures.contents(root)).doesNotContainKey("OS79XX.TXT");
    }

    @Test
    void filesAreReadableByATftpDaemonRunningAsAnotherUser(@TempDir Path root) throws IOException {
        sccp8Images(root);
        provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sip:4.4", "--target", "sccp:8.x");
        if (Files.getFileStore(root).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("OS79XX.TXT"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void nothingToDoAndConsoleModelsAndForbiddenTargetsAreSaid(@TempDir Path root) throws IOException {
        sccp8Images(root);
        CliTestSupport.Result same = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sccp:8.0.4",
                "--target", "sccp:8.0.4");
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("already runs SCCP 8.0.4: nothing to write");
        CliTestSupport.Result st = provision(root, "--model", "ST2030", "--mac", "001a2b3c4d5e", "--from", "sip:2.67",
                "--target", "mgcp");
        assertThat(st.exitCode()).isEqualTo(2);
        assertThat(st.err()).contains("ST2030 is converted over its console");
        CliTestSupport.Result down = provision(root, "--model", "7960", "--mac", "001a2b3c4d5e", "--from", "sccp:8.0.4",
                "--target", "sip:4.4");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).contains("rule no-return-below-5.0");
        assertThat(CiscoFixtures.contents(root)).doesNotContainKey("OS79XX.TXT");
    }

    @Test
    void helpTeaches() {
        CliTestSupport.Result r = CliTestSupport.run("provision", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("OS79XX.TXT").contains("--force").contains("Examples").contains("001A.2B3C.4D5E")
                .contains("Exit codes");
    }
}
