package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.st20xx.cisco.MacAddress;
import org.st20xx.cisco.Os79xxFile;
import org.st20xx.cisco.TftpRootLint;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.TftpServerConfig;

/**
 * Seed 001's troubleshooting cases on a simulated 7960 booting over real TFTP on loopback: each
 * fixture of src/test/resources/cisco/lint is a TFTP root (its image files made real fixtures) and a
 * {@code sim} file saying what the phone starts with and what it then shows, runs and asks for; the
 * phone is power-cycled, and lint must report the fixture's first expected line (file:line) on the
 * very root the phone booted from. The phone is observed only through its state file and HTTP.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CiscoBootIT {
    private static final Path CASES = Path.of("src/test/resources/cisco/lint");
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();
    private static final PhoneModel M = MATRIX.requireModel("7960");
    private static final String MAC = "001A2B3C4D5E";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    /** What a case's {@code sim} file says. */
    private record Spec(String firmware, boolean flashEmpty, boolean bricked, Optional<String> shows, String runs,
            List<String> asks, int reboots) {
        static Spec read(Path file) throws IOException {
            String firmware = null;
            String runs = null;
            Optional<String> shows = Optional.empty();
            boolean empty = false;
            boolean bricked = false;
            int reboots = 1;
            List<String> asks = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.split(" ", 2);
                switch (kv[0]) {
                    case "firmware" -> firmware = kv[1];
                    case "flash-empty" -> empty = true;
                    case "bricked" -> bricked = true;
                    case "shows" -> shows = kv[1].equals("nothing") ? Optional.empty() : Optional.of(kv[1]);
                    case "runs" -> runs = kv[1];
                    case "asks" -> asks.add(kv[1]);
                    case "reboots" -> reboots = Integer.parseInt(kv[1]);
                    default -> throw new IllegalArgumentException(file + ": unknown line " + line);
                }
            }
            return new Spec(firmware, empty, bricked, shows, runs, asks, reboots);
        }
    }

    static Stream<String> troubleshootingCases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(d -> Files.exists(d.resolve("sim"))).map(d -> d.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    /** The case's root, each non-empty image file replaced by a fixture the phone accepts under that name. */
    private Path root(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        try (Stream<Path> files = Files.list(CASES.resolve(name).resolve("root"))) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                Matcher ext = Os79xxFile.WITH_EXTENSION.matcher(file);
                Optional<Load> load = ext.matches() ? M.imageNamed(ext.group(1)).flatMap(M::imageLoad) : Optional.empty();
                if (load.isPresent() && Files.size(f) > 0) {
                    Files.write(root.resolve(file), FirmwareImage.build(M.name(), ImageKind.APPLICATION, load,
                            file, new byte[2000]));
                } else {
                    Files.copy(f, root.resolve(file));
                }
            }
        }
        return root;
    }

    private SimulatedLab lab(TftpServer server, Spec spec) {
        return SimulatedLab.start(SimConfig.builder("7960", spec.firmware()).macBase(MAC).flashEmpty(spec.flashEmpty())
                .tftpPort(server.address().getPort()).bootTime(Duration.ofMillis(50)).stateDir(tmp.resolve("state"))
                .tftpTimeout(Duration.ofSeconds(1)).tftpRetries(2).build());
    }

    /** Power-cycles phone 1 and waits for the end of the boot (or boots) that follow. */
    private static PhoneState powerCycle(SimulatedLab lab, int reboots) {
        int before = lab.phone(1).state().reboots();
        lab.phone(1).powerCycle();
        return Await.state(lab.phone(1).stateFile().orElseThrow(), "boots " + reboots + " time(s)", WAIT,
                s -> s.reboots() >= before + reboots && !s.state().equals("booting"));
    }

    @ParameterizedTest
    @MethodSource("troubleshootingCases")
    void thePhoneShowsTheSeedsErrorAndLintNamesTheFileAndLine(String name) throws IOException {
        Path c = CASES.resolve(name);
        Spec spec = Spec.read(c.resolve("sim"));
        Path root = root(name);
        try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(root));
                SimulatedLab lab = lab(server, spec)) {
            PhoneState s = powerCycle(lab, spec.reboots());
            assertThat(s.reboots()).as(s.lastRequests().toString()).isEqualTo(spec.reboots());
            assertThat(Optional.ofNullable(s.display())).as(s.lastRequests().toString()).isEqualTo(spec.shows());
            assertThat(s.state()).isEqualTo(spec.bricked() ? "bricked" : spec.shows().isPresent() ? "failed" : "running");
            assertThat(s.protocol() + ":" + s.version()).isEqualTo(spec.runs());
            assertThat(s.lastRequests()).containsAll(spec.asks());
            assertThat(s.mac()).isEqualTo(MAC);
            assertThat(s.dsp()).isNull();
        }
        Optional<Load> from = Files.exists(c.resolve("args")) ? Optional.of(Files.readString(c.resolve("args")).trim()
                .split("\\s+")[1]).map(f -> Load.of(f.split(":")[0], f.split(":")[1])) : Optional.empty();
        List<String> problems = TftpRootLint.check(root, MATRIX, new TftpRootLint.Scope(Optional.empty(),
                Optional.empty(), from)).stream().map(TftpRootLint.Problem::toString).toList();
        String expected = Files.readAllLines(c.resolve("expected")).get(0);
        assertThat(problems).as("lint on the root the phone booted from").anySatisfy(p -> assertThat(p)
                .startsWith(expected));
    }

    @Test
    void aGoodBootShowsTheNewImageOnTheWebPageAndAPowerCycleDuringTheBootStartsItAgain() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        FirmwareFixtures.of(M).imageSize(4096).writeImageFiles(root, Load.of("sip", "8.12"));
        Files.writeString(root.resolve("OS79XX.TXT"), "P003-08-12-00\n");
        Files.writeString(root.resolve("SIP" + MAC + ".cnf"), "image_version: P0S3-08-12-00\n");
        try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(root));
                SimulatedLab lab = lab(server, new Spec("sccp:5.0", false, false, Optional.empty(), "", List.of(), 0))) {
            SimulatedPhone phone = lab.phone(1);
            assertThat(SimulatedLab.describe(phone)).endsWith(" mac " + MAC);
            assertThat(phone.state().app()).as("sccp:5.0 is release 5.0(1.1)").isEqualTo("P00305000101");
            phone.powerCycle();
            phone.powerCycle();
            PhoneState s = Await.state(phone.stateFile().orElseThrow(), "runs SIP 8.12", WAIT,
                    x -> x.state().equals("running") && x.version().equals("8.12"));
            assertThat(s.reboots()).as("the second power cycle replaced the first boot, then one reboot").isEqualTo(2);
            assertThat(s.app()).isEqualTo("P0S3-08-12-00");
            assertThat(s.config()).isEqualTo("SIP" + MAC + ".cnf");
            assertThat(s.tftpServer()).isEqualTo("127.0.0.1:" + server.address().getPort());
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + s.http() + "/")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("P0S3-08-12-00", MAC, "SIP", "running");
        }
    }

    @Test
    void aBrickedPhoneStaysBrickedAndOtherPhonesHaveTheirOwnMac() throws IOException {
        Path root = root("forbidden-bricks");
        try (TftpServer server = TftpServer.start(TftpServerConfig.loopback(root));
                SimulatedLab lab = SimulatedLab.start(SimConfig.builder("7960", "sip:4.4").count(2).macBase(MAC)
                        .tftpPort(server.address().getPort()).bootTime(Duration.ofMillis(50))
                        .stateDir(tmp.resolve("state")).build())) {
            PhoneState s = powerCycle(lab, 2);
            assertThat(s.bricked()).isTrue();
            assertThat(s.brickReason()).contains("rule to-sccp-6-through-6.3");
            lab.phone(1).powerCycle();
            assertThat(lab.phone(1).state().state()).isEqualTo("bricked");
            assertThat(lab.phone(2).state().mac()).isEqualTo(new MacAddress("001A2B3C4D5F").hex());
            assertThat(lab.phone(2).state().state()).as("phone 2 was not power-cycled").isEqualTo("running");
        }
    }
}
