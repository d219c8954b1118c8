package org.st20xx.convert;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.st20xx.demo.Demo;
import org.st20xx.cli.Cli;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.sim.FirmwareFixtures;
import org.st20xx.sim.PhoneState;
import org.st20xx.sim.SimConfig;
import org.st20xx.sim.SimulatedLab;
import org.st20xx.sim.SimulatedPhone;

/**
 * A simulated lab on loopback for the tool's integration tests: fixture firmware in a temporary
 * folder, simulated phones (started telnet-enabled unless asked otherwise) fetching from a UDP port
 * that the tool's embedded TFTP server will serve, and a way to run st20xx commands in-process
 * with captured output. Everything the tests check goes through telnet, TFTP, HTTP and the state
 * files: nothing reaches into the simulator.
 */
final class SimBench implements AutoCloseable {
    static final Matrix MATRIX = MatrixLoader.loadBuiltIn();

    record Result(int exitCode, String out, String err) {
    }

    final Path dir;
    final Path firmware;
    final Path states;
    final Path runs;
    final int tftpPort;
    final SimulatedLab lab;

    SimBench(Path dir, String model, String firmwareLoad, int count, Consumer<SimConfig.Builder> tune) throws IOException {
        this.dir = dir;
        this.firmware = Files.createDirectories(dir.resolve("firmware"));
        this.states = Files.createDirectories(dir.resolve("state"));
        this.runs = dir.resolve("runs");
        for (String m : List.of("ST2030", "ST2022")) {
            FirmwareFixtures.of(MATRIX.requireModel(m)).writeAll(firmware);
        }
        this.tftpPort = Demo.freeUdpPort();
        SimConfig.Builder b = SimConfig.builder(model, firmwareLoad).matrix(MATRIX).count(count).tftpPort(tftpPort)
                .stateDir(states).bootTime(Duration.ofMillis(200)).telnetEnabled(true);
        tune.accept(b);
        this.lab = SimulatedLab.start(b.build());
    }

    SimulatedPhone phone(int n) {
        return lab.phone(n);
    }

    String ip(int n) {
        InetSocketAddress a = phone(n).telnetAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    int webPort(int n) {
        return phone(n).httpAddress().getPort();
    }

    PhoneState state(int n) throws IOException {
        return PhoneState.read(PhoneState.file(states, n));
    }

    byte[] stateBytes(int n) throws IOException {
        return Files.readAllBytes(PhoneState.file(states, n));
    }

    /** Waits (bounded) until phone {@code n}'s state file satisfies {@code condition}. */
    PhoneState awaitState(int n, Predicate<PhoneState> condition, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        PhoneState s = state(n);
        while (!condition.test(s)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("phone " + n + " never reached the expected state; last: " + s);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            s = state(n);
        }
        return s;
    }

    /** Runs st20xx in-process with the bench's firmware, TFTP port and run folder. */
    Result st(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--firmware") && !all.get(0).equals("plan")) {
            all.addAll(List.of("--firmware", firmware.toString()));
        }
        if (!all.get(0).equals("plan")) {
            all.addAll(List.of("--tftp-port", String.valueOf(tftpPort), "--runs-dir", runs.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Every file under the run folder, concatenated (transcripts, journals). */
    String runFiles() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (Files.isDirectory(runs)) {
            try (var files = Files.walk(runs)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    sb.append(Files.readString(p));
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        lab.close();
    }
}
