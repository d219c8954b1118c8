package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server against curl, a client we did not write. curl is required: without it this class
 * fails (CI installs it), it is not skipped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CurlIT {
    @TempDir
    static Path dir;
    static Path root;
    static TftpServer server;
    static TransferLog log;

    /** A finished curl: its exit code (68 = TFTP file not found, 69 = TFTP permission problem) and stderr. */
    record Result(int exit, String stderr) {
    }

    @BeforeAll
    static void start() throws Exception {
        requireCurlWithTftp();
        root = Files.createDirectory(dir.resolve("root"));
        server = TftpServer.start(TftpServerConfig.loopback(root));
        log = new TransferLog();
        server.addListener(log);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void requireCurlWithTftp() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("curl", "-V").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || !version.matches("(?s).*Protocols:[^\\n]*\\btftp\\b.*")) {
                fail("curl has no TFTP support; CurlIT needs curl with tftp (Debian's curl has it):\n" + version);
            }
        } catch (IOException e) {
            fail("curl is not installed; CurlIT needs it (CI installs curl): " + e.getMessage());
        }
    }

    private static String url(String name) {
        return "tftp://127.0.0.1:" + server.address().getPort() + "/" + name;
    }

    private static Process startCurl(Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "--max-time", "50", "-o", out.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Result finish(Process p) throws Exception {
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(55, TimeUnit.SECONDS)).as("curl finished").isTrue();
        return new Result(p.exitValue(), stderr);
    }

    private static Result curl(Path out, String... args) throws Exception {
        return finish(startCurl(out, args));
    }

    @ParameterizedTest
    @CsvSource({"0, 512", "511, 512", "512, 512", "513, 512", "1467, 1468", "1468, 1468", "1469, 1468", "5000, 8"})
    void curlFetchesFilesOfBoundarySizesByteForByte(int size, int blockSize) throws Exception {
        String name = "f-" + size + "-" + blockSize + ".bin";
        Path file = Fixtures.write(root, name, Fixtures.bytes(size, size));
        Path out = dir.resolve(name + ".out");

        Result r = curl(out, "--tftp-blksize", Integer.toString(blockSize), url(name));

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(Files.mismatch(out, file)).isEqualTo(-1);
        Transfer t = Fixtures.awaitTransfer(log, name);
        assertThat(t.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(t.bytes()).isEqualTo(size);
        assertThat(t.blocks()).isEqualTo(size / blockSize + 1);
    }

    @Test
    void aFilePastTheBlockNumberRolloverArrivesByteIdenticalAt512And1468() throws Exception {
        Path big = Fixtures.writeLarge(root, "big.bin", Fixtures.ROLLOVER_SIZE);
        Path out512 = dir.resolve("big-512.out");
        Path out1468 = dir.resolve("big-1468.out");

        Result r512 = curl(out512, url("big.bin"));
        Result r1468 = curl(out1468, "--tftp-blksize", "1468", url("big.bin"));

        assertThat(r512.exit()).as(r512.stderr()).isZero();
        assertThat(r1468.exit()).as(r1468.stderr()).isZero();
        assertThat(Files.mismatch(out512, big)).isEqualTo(-1);
        assertThat(Files.mismatch(out1468, big)).isEqualTo(-1);
        Transfer at512 = Fixtures.awaitTransfer(log, t -> t.fileName().equals("big.bin") && t.blocks() > 65536);
        assertThat(at512.blocks()).isEqualTo(65537);
        assertThat(at512.bytes()).isEqualTo(Fixtures.ROLLOVER_SIZE);
        assertThat(Fixtures.awaitTransfer(log, t -> "1468".equals(t.options().get("blksize"))).complete()).isTrue();
        Files.delete(out512);
        Files.delete(out1468);
        Files.delete(big);
    }

    @Test
    void thirtyTwoParallelCurlsAllComplete() throws Exception {
        Path file = Fixtures.writeLarge(root, "par.bin", 1_000_000);
        List<Process> curls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            curls.add(startCurl(dir.resolve("par-" + i + ".out"), "--tftp-blksize", "1468", url("par.bin")));
        }
        for (int i = 0; i < 32; i++) {
            Result r = finish(curls.get(i));
            assertThat(r.exit()).as("curl %d: %s", i, r.stderr()).isZero();
            assertThat(Files.mismatch(dir.resolve("par-" + i + ".out"), file)).isEqualTo(-1);
        }
        assertThat(Fixtures.awaitCount(log, t -> t.fileName().equals("par.bin"), 32)).hasSize(32)
                .allMatch(t -> t.complete() && t.bytes() == 1_000_000);
    }

    @Test
    void traversalAndAbsolutePathsGetAnErrorAndNoContent() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Path out = dir.resolve("denied.out");

        Result dotDot = curl(out, "--path-as-is", url("../secret.txt"));
        assertThat(dotDot.exit()).as(dotDot.stderr()).isEqualTo(69);
        assertThat(Files.exists(out) ? Files.size(out) : 0).isZero();

        Result absolute = curl(out, url("/etc/passwd"));
        assertThat(absolute.exit()).as(absolute.stderr()).isEqualTo(68);
        assertThat(Files.exists(out) ? Files.size(out) : 0).isZero();

        assertThat(Fixtures.awaitTransfer(log, "../secret.txt").outcome()).isEqualTo(Outcome.ACCESS_DENIED);
        assertThat(Fixtures.awaitTransfer(log, "/etc/passwd").outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void eventsCarryTheOptionsCurlNegotiated() throws Exception {
        Fixtures.write(root, "opt.bin", new byte[3000]);
        Result r = curl(dir.resolve("opt.out"), "--tftp-blksize", "1024", url("opt.bin"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        Transfer t = Fixtures.awaitTransfer(log, "opt.bin");
        assertThat(t.request().options()).containsEntry("blksize", "1024").containsEntry("tsize", "0");
        assertThat(t.options()).containsEntry("blksize", "1024").containsEntry("tsize", "3000");
    }
}
