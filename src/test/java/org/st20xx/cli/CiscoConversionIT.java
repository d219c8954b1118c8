package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.cisco.ProvisionManifest;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.sim.FirmwareFixtures;
import org.st20xx.sim.PhoneState;
import org.st20xx.sim.SimConfig;
import org.st20xx.sim.SimulatedLab;

/**
 * The whole Cisco conversion on loopback: {@code provision} writes the files, {@code watch} serves
 * them and follows the phone, a simulated 7960 boots over TFTP; the "technician" power-cycles the
 * phone through the simulator's control each time watch says so. No file is edited by hand.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CiscoConversionIT {
    private static final PhoneModel M = MatrixLoader.loadBuiltIn().requireModel("7960");
    private static final String MAC = "001A2B3C4D5E";
    private static final Pattern SERVING = Pattern.compile("watch: serving .* on 127\\.0\\.0\\.1:(\\d+) for .*");

    @TempDir
    Path tmp;

    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    /** Standard error of the in-JVM command, line by line, as it is printed. */
    private static final class Lines extends Writer {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public synchronized void write(char[] c, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (c[i] == '\n') {
                    queue.add(pending.toString());
                    all.add(pending.toString());
                    pending.setLength(0);
                } else {
                    pending.append(c[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private record Watch(int exit, String out, List<String> err) {
        long powerCycles() {
            return err.stream().filter(l -> l.contains("power-cycle the phone now")).count();
        }
    }

    /**
     * Runs {@code st20xx watch ARGS} in this JVM; once it serves, {@code serving} gets the port; each
     * time it says to power-cycle the phone, {@code powerCycle} runs.
     */
    private Watch watch(Consumer<Integer> serving, Runnable powerCycle, String... args) throws Exception {
        Lines err = new Lines();
        StringWriter out = new StringWriter();
        Future<Integer> exit = runner.submit(() -> Cli.newCommandLine(new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!exit.isDone() || !err.queue.isEmpty()) {
            assertThat(System.nanoTime()).as(() -> "watch ends within 60 s: " + err.all).isLessThan(deadline);
            String line = err.queue.poll(50, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            Matcher m = SERVING.matcher(line);
            if (m.matches()) {
                serving.accept(Integer.parseInt(m.group(1)));
            } else if (line.contains("power-cycle the phone now")) {
                powerCycle.run();
            }
        }
        return new Watch(exit.get(), out.toString(), List.copyOf(err.all));
    }

    private Path root(Load... loads) {
        Path root = tmp.resolve("tftp");
        for (Load l : loads) {
            FirmwareFixtures.of(M).imageSize(8 * 1024).writeImageFiles(root, l);
        }
        return root;
    }

    private static String[] watchArgs(Path root, String... more) {
        List<String> a = new ArrayList<>(List.of("watch", "--tftp-root", root.toString(), "--mac", "00:1a:2b:3c:4d:5e",
                "--bind", "127.0.0.1", "--port", "0", "--timeout", "45"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Every provisioning file in the root is exactly what st20xx wrote (its manifest's hash). */
    private static void noHandEditedFile(Path root) throws IOException {
        ProvisionManifest manifest = ProvisionManifest.read(root);
        for (Map.Entry<String, String> f : CiscoFixtures.contents(root).entrySet()) {
            if (!f.getKey().matches(".*\\.(loads|bin|sbn|sb2)")) {
                assertThat(manifest.wrote(f.getKey(), f.getValue().getBytes(StandardCharsets.ISO_8859_1)))
                        .as(f.getKey() + " is as st20xx wrote it").isTrue();
            }
        }
    }

    @Test
    void provisionAndWatchTakeASimulatedSccpPhoneToSip812() throws Exception {
        Path root = root(Load.of("sip", "8.12"));
        CliTestSupport.Result p = CliTestSupport.run("provision", "--model", "7960", "--mac", MAC, "--from", "sccp:5.0.1.1",
                "--target", "sip:8.12", "--tftp-root", root.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        SimulatedLab[] lab = new SimulatedLab[1];
        try {
            Watch w = watch(port -> lab[0] = SimulatedLab.start(SimConfig.builder("7960", "sccp:5.0.1.1").macBase(MAC)
                    .tftpPort(port).bootTime(Duration.ofMillis(50)).stateDir(tmp.resolve("state")).build()),
                    () -> lab[0].phone(1).powerCycle(), watchArgs(root));
            assertThat(w.exit()).as(w.out() + w.err()).isZero();
            assertThat(w.out()).startsWith("7960 " + MAC + ": converted SCCP 5.0.1.1 -> SIP 8.12 in 1 hop");
            assertThat(w.powerCycles()).isEqualTo(1);
            assertThat(w.err()).anyMatch(l -> l.equals("watch: asked for OS79XX.TXT: sent, 14 bytes"))
                    .anyMatch(l -> l.startsWith("watch: the phone has image P0S3-08-12-00 (3 files)"))
                    .anyMatch(l -> l.startsWith("watch: asked for RINGLIST.DAT: not found"))
                    .anyMatch(l -> l.equals("watch: boot finished: the phone runs SIP 8.12 (hop 1 of 1 done)"));
            PhoneState s = lab[0].phone(1).state();
            assertThat(s.protocol() + ":" + s.version() + " " + s.app() + " " + s.state())
                    .isEqualTo("sip:8.12 P0S3-08-12-00 running");
            assertThat(s.display()).isNull();
        } finally {
            if (lab[0] != null) {
                lab[0].close();
            }
        }
        noHandEditedFile(root);
        CliTestSupport.Result lint = CliTestSupport.run("lint", "--tftp-root", root.toString(), "--mac", MAC, "--from",
                "sip:8.12");
        assertThat(lint.exitCode()).as(lint.out()).isZero();
    }

    @Test
    void watchTakesASip44PhoneToSccp8ThroughSccp63PowerCycledThroughTheSimulatorsStandardInput() throws Exception {
        Path root = root(Load.of("sccp", "6.3"), Load.of("sccp", "8.0.4"));
        Path state = tmp.resolve("state");
        Process[] sim = new Process[1];
        Writer[] control = new Writer[1];
        try {
            Watch w = watch(port -> {
                sim[0] = startSim(state, port);
                control[0] = new OutputStreamWriter(sim[0].getOutputStream(), StandardCharsets.UTF_8);
            }, () -> {
                try {
                    control[0].write("power-cycle 1\n");
                    control[0].flush();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }, watchArgs(root, "--model", "7960", "--from", "sip:4.4", "--target", "sccp:8.x", "--format", "json"));
            assertThat(w.exit()).as(w.out() + w.err()).isZero();
            assertThat(w.powerCycles()).isEqualTo(2);
            JsonNode r = new ObjectMapper().readTree(w.out());
            assertThat(r.get("status").asText()).isEqualTo("converted");
            assertThat(r.get("runs").get("version").asText()).isEqualTo("8.0.4");
            assertThat(r.get("hops")).hasSize(2);
            assertThat(r.get("hops").get(0).get("image").asText()).isEqualTo("P00306030000");
            assertThat(r.get("hops").get(1).get("to").get("version").asText()).isEqualTo("8.0.4");
            assertThat(r.get("hops").findValuesAsText("status")).containsExactly("done", "done");
            assertThat(r.get("hops").get(1).get("requests").findValuesAsText("file")).containsExactly("OS79XX.TXT",
                    "SEP" + MAC + ".cnf.xml", "P00308000400.loads", "P00308000400.sbn", "P00308000400.sb2",
                    "OS79XX.TXT", "SEP" + MAC + ".cnf.xml");
            assertThat(w.err()).anyMatch(l -> l.startsWith("watch: hop 2 of 2 (SCCP 6.3 -> SCCP 8.0.4, image"
                    + " P00308000400): wrote OS79XX.TXT, SEP" + MAC + ".cnf.xml; removed "));
            PhoneState s = PhoneState.read(PhoneState.file(state, 1));
            assertThat(s.protocol() + ":" + s.version() + " " + s.state()).isEqualTo("sccp:8.0.4 running");
            assertThat(s.reboots()).as("two power cycles, two reboots onto a new image").isEqualTo(4);
        } finally {
            if (sim[0] != null) {
                sim[0].destroy();
                sim[0].waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(root.resolve("SIP" + MAC + ".cnf")).as("the SIP files of hop 1 are gone").doesNotExist();
        noHandEditedFile(root);
    }

    /** Phone 1 once its boot after the power cycle has ended. */
    private static PhoneState settled(SimulatedLab lab) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        PhoneState s = lab.phone(1).state();
        while (s.reboots() < 1 || s.state().equals("booting")) {
            assertThat(System.nanoTime()).as("phone 1 settles: " + s).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
            s = lab.phone(1).state();
        }
        return s;
    }

    private static Process startSim(Path state, int port) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    Path.of("target", "st20xx.jar").toString(), "sim", "--count", "1", "--model", "7960", "--firmware",
                    "sip:4.4", "--mac-base", MAC, "--tftp-port", Integer.toString(port), "--state-dir",
                    state.toString(), "--boot-seconds", "0.05").redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String l = r.readLine(); !"ready".equals(l); l = r.readLine()) {
                assertThat(l).as("st20xx sim's output before 'ready'").isNotNull()
                        .matches("phone 1 telnet 127\\.0\\.0\\.1:\\d+ http 127\\.0\\.0\\.1:\\d+ mac " + MAC);
            }
            Thread drain = new Thread(() -> r.lines().forEach(l -> { }), "sim-output");
            drain.setDaemon(true);
            drain.start();
            return p;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPhoneThatNeverAsksEndsInATimeoutSayingSo() throws Exception {
        Path root = root(Load.of("sip", "8.12"));
        List<String> args = new ArrayList<>(List.of(watchArgs(root, "--model", "7960", "--from", "sccp:5.0.1.1",
                "--target", "sip:8.12")));
        args.set(args.indexOf("--timeout") + 1, "1");
        Watch w = watch(port -> { }, () -> { }, args.toArray(String[]::new));
        assertThat(w.exit()).isEqualTo(1);
        assertThat(w.out()).startsWith("7960 " + MAC + ": timed out: no result after 1 s: hop 1 of 1")
                .contains("the phone asked for nothing").contains("The phone runs SCCP 5.0.1.1.");
    }

    @Test
    void aMissingImageFileFailsTheHopWithWhatLintFinds() throws Exception {
        Path root = root(Load.of("sip", "8.12"));
        SimulatedLab[] lab = new SimulatedLab[1];
        try {
            Watch w = watch(port -> lab[0] = SimulatedLab.start(SimConfig.builder("7960", "sccp:5.0.1.1").macBase(MAC)
                    .tftpPort(port).bootTime(Duration.ofMillis(50)).stateDir(tmp.resolve("state")).build()), () -> {
                        try {
                            Files.delete(root.resolve("P0S3-08-12-00.sb2"));
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                        lab[0].phone(1).powerCycle();
                    }, watchArgs(root, "--model", "7960", "--from", "sccp:5.0.1.1", "--target", "sip:8.12"));
            assertThat(w.exit()).as(w.out()).isEqualTo(1);
            assertThat(w.out()).contains(": failed: hop 1 of 1 (SCCP 5.0.1.1 -> SIP 8.12, image P0S3-08-12-00): the"
                    + " phone could not fetch P0S3-08-12-00.sb2 (not_found")
                    .contains("lint: OS79XX.TXT:1: names P003-08-12-00 (the loader of P0S3-08-12-00) but"
                            + " P0S3-08-12-00.sb2 is not in the TFTP root")
                    .contains("The phone runs SCCP 5.0.1.1.");
            PhoneState s = settled(lab[0]);
            assertThat(s.display()).isEqualTo("Protocol Application Invalid");
            assertThat(s.version()).isEqualTo("5.0.1.1");
        } finally {
            if (lab[0] != null) {
                lab[0].close();
            }
        }
    }
}
