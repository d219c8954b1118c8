package org.st20xx.sim;

import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.TftpServerConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;

/**
 * Benchmark driver (not a test): starts {@code java -jar target/st20xx.jar sim} with N ST2030
 * phones on SIP 2.67 as its own process, measures how long they take to answer telnet, the
 * process's memory (RSS) and CPU idle, then converts every phone at once through SIP 1.66.2 to
 * MGCP 1.55 with the seed 000 procedure (fixtures served by the project's {@link TftpServer} in this
 * JVM) and measures again. Linux only (reads /proc). Prints a Markdown table for
 * docs/benchmarks.md. Run after {@code mvn -B verify} (or package + test-compile):
 *
 * <pre>
 * java -cp target/st20xx.jar:target/test-classes org.st20xx.sim.SimBenchmark [PHONES] [BOOT_SECONDS] [IDLE_SECONDS]
 * </pre>
 *
 * {@code -Dsim.jvm="-Xmx256m ..."} passes JVM options to the simulator process.
 */
public final class SimBenchmark {
    static final String[] ADMIN = {"administrator", "789234"};

    private SimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String boot = args.length > 1 ? args[1] : "0.5";
        int idleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path work = Files.createTempDirectory("sim-bench");
        PhoneModel model = MatrixLoader.loadBuiltIn().requireModel("ST2030");
        FirmwareFixtures.of(model).writeAll(work.resolve("firmware"));
        Path state = work.resolve("state");
        try (TftpServer tftp = TftpServer.start(TftpServerConfig.loopback(work.resolve("firmware")))) {
            long t0 = System.nanoTime();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String jvm = System.getProperty("sim.jvm", "").strip();
            if (!jvm.isEmpty()) {
                cmd.addAll(List.of(jvm.split("\\s+")));
            }
            cmd.addAll(List.of("-jar", "target/st20xx.jar", "sim", "--count", Integer.toString(phones), "--model",
                    "ST2030", "--firmware", "sip:2.67", "--tftp-port", Integer.toString(tftp.address().getPort()), "--state-dir",
                    state.toString(), "--boot-seconds", boot, "--telnet-enabled"));
            Process sim = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                List<InetSocketAddress> consoles = readPhones(sim);
                long ready = System.nanoTime() - t0;
                ExecutorService pool = Executors.newFixedThreadPool(phones);
                try {
                    forAll(pool, consoles, (n, a) -> TelnetTestClient.awaitLogin(a, Duration.ofSeconds(30)).close());
                    long answering = System.nanoTime() - t0;
                    Proc p = new Proc(sim.pid());
                    Proc.Sample idle0 = p.sample();
                    sampleFor(p, Duration.ofSeconds(idleSeconds), null);
                    Proc.Sample idle1 = p.sample();

                    AtomicLong peakRss = new AtomicLong();
                    AtomicLong peakThreads = new AtomicLong();
                    Proc.Sample conv0 = p.sample();
                    long c0 = System.nanoTime();
                    Future<?> sampler = Executors.newSingleThreadExecutor().submit(() ->
                            sampleFor(p, Duration.ofHours(1), new AtomicLong[] {peakRss, peakThreads}));
                    forAll(pool, consoles, (n, a) -> convert(a, state.resolve("phone-" + n + ".json")));
                    long convWall = System.nanoTime() - c0;
                    sampler.cancel(true);
                    Proc.Sample conv1 = p.sample();

                    long mgcp = 0;
                    for (int n = 1; n <= phones; n++) {
                        PhoneState s = PhoneState.read(state.resolve("phone-" + n + ".json"));
                        if (s.protocol().equals("mgcp") && !s.bricked() && s.state().equals("running")) {
                            mgcp++;
                        }
                    }
                    print(phones, boot, ready, answering, idle0, idle1, conv0, conv1, convWall, peakRss.get(),
                            peakThreads.get(), mgcp);
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                sim.destroy();
                sim.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Seed 000: SIP 2.67 -> SIP 1.66.2 (bridge) -> MGCP 1.55, keeping the v1.01 common DSP. */
    private static void convert(InetSocketAddress telnet, Path stateFile) throws IOException {
        SeedProcedure.hop(telnet, stateFile, "v2030SG.081210.1.66.2.zz", "ST2030_dsp_v101.zz",
                "TelConf2030SG_v1.66.2.txt", ADMIN, ADMIN);
        PhoneModel m = MatrixLoader.loadBuiltIn().requireModel("ST2030");
        Load mgcp = Load.of("mgcp", "1.55");
        SeedProcedure.hop(telnet, stateFile, FirmwareNames.application(m, mgcp), "ST2030_dsp_v101.zz",
                FirmwareNames.config(m, mgcp), ADMIN, ADMIN);
    }

    interface PhoneTask {
        void run(int n, InetSocketAddress a) throws Exception;
    }

    private static void forAll(ExecutorService pool, List<InetSocketAddress> phones, PhoneTask task) throws Exception {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            int n = i + 1;
            InetSocketAddress a = phones.get(i);
            fs.add(pool.submit(() -> {
                task.run(n, a);
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(10, TimeUnit.MINUTES);
        }
    }

    private static List<InetSocketAddress> readPhones(Process sim) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        List<InetSocketAddress> out = new ArrayList<>();
        for (String l = r.readLine(); l != null && !l.equals("ready"); l = r.readLine()) {
            String[] hp = l.split(" ")[3].split(":");
            out.add(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])));
        }
        return out;
    }

    /** Samples every 100 ms for {@code d} (or until interrupted), keeping peaks when asked. */
    private static void sampleFor(Proc p, Duration d, AtomicLong[] peaks) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            try {
                Proc.Sample s = p.sample();
                if (peaks != null) {
                    peaks[0].accumulateAndGet(s.rssKb(), Math::max);
                    peaks[1].accumulateAndGet(s.threads(), Math::max);
                }
            } catch (IOException e) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    private static void print(int phones, String boot, long ready, long answering, Proc.Sample idle0,
            Proc.Sample idle1, Proc.Sample conv0, Proc.Sample conv1, long convWall, long peakRss, long peakThreads,
            long mgcp) {
        double idleSec = (idle1.nanos() - idle0.nanos()) / 1e9;
        double convSec = convWall / 1e9;
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        row("phones", phones + " x ST2030 SIP 2.67, boot " + boot + " s, " + Runtime.getRuntime().availableProcessors()
                + " cores, sim JVM options: " + System.getProperty("sim.jvm", "(none)"));
        row("start to `ready`", ms(ready));
        row("start to all phones answering telnet", ms(answering));
        row("idle RSS", mb(idle1.rssKb()));
        row("idle threads", Long.toString(idle1.threads()));
        row("idle CPU", String.format(Locale.ROOT, "%.2f %% of one core (%.2f s CPU over %.0f s)",
                100 * cpu(idle0, idle1) / idleSec, cpu(idle0, idle1), idleSec));
        row("converting all (2 hops, 4 reboots each): wall time", String.format(Locale.ROOT, "%.1f s", convSec));
        row("converting: sim CPU", String.format(Locale.ROOT, "%.1f s CPU (%.0f %% of one core on average)",
                cpu(conv0, conv1), 100 * cpu(conv0, conv1) / convSec));
        row("converting: peak RSS", mb(peakRss));
        row("converting: peak threads", Long.toString(peakThreads));
        row("phones ending MGCP 1.55, running", mgcp + " / " + phones);
    }

    private static double cpu(Proc.Sample a, Proc.Sample b) {
        return (b.cpuTicks() - a.cpuTicks()) / (double) Proc.TICKS;
    }

    private static void row(String k, String v) {
        System.out.println("| " + k + " | " + v + " |");
    }

    private static String ms(long nanos) {
        return (nanos / 1_000_000) + " ms";
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    /** A process's RSS, threads and CPU time, from /proc. */
    record Proc(long pid) {
        static final long TICKS = 100;

        record Sample(long nanos, long rssKb, long threads, long cpuTicks) {
        }

        Sample sample() throws IOException {
            long rss = 0;
            long threads = 0;
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("\\D", ""));
                } else if (l.startsWith("Threads:")) {
                    threads = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new Sample(System.nanoTime(), rss, threads, cpu);
        }
    }
}
