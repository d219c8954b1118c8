package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.sim.PhoneState;
import org.st20xx.sim.PhoneStatus;

/**
 * Issue 9: {@code kill -9} of {@code convert} (a real process, target/st20xx.jar) at a random
 * moment of a two-hop conversion, then {@code convert --resume}: the phone ends converted and
 * sound, in 20 randomised trials. The moment is the k-th line of progress, k random over the
 * whole run, so kills land before, inside and after flash phases and reboots.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KillResumeIT {
    private static final int TRIALS = 20;
    /** Progress lines of one whole two-hop run (measured: about 60); k is drawn below it. */
    private static final int LINES = 60;

    /** Kept when a trial fails: its transcripts and journals say why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    record Trial(int number, long seed, int killAtLine, int linesSeen, String resumeErr) {
    }

    @Test
    void killNineAtARandomMomentThenResumeEndsConvertedAndSound() throws Exception {
        Path jar = Path.of("target", "st20xx.jar");
        assertThat(jar).as("the integration tests run after 'mvn package' built the jar").isRegularFile();
        long seed = Long.getLong("st20xx.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Trial>> trials = new ArrayList<>();
            for (int t = 1; t <= TRIALS; t++) {
                int n = t;
                long trialSeed = random.nextLong();
                trials.add(pool.submit(() -> trial(jar, n, trialSeed)));
            }
            List<Trial> done = new ArrayList<>();
            for (Future<Trial> f : trials) {
                done.add(f.get());
            }
            for (Trial t : done) {
                assertThat(t.resumeErr()).as("trial %d (seed %d, killed at line %d of %d seen; its files are kept in %s)",
                        t.number(), seed, t.killAtLine(), t.linesSeen(), dir).isEmpty();
            }
            assertThat(done.stream().mapToInt(Trial::killAtLine).distinct().count()).as("kills spread over the run")
                    .isGreaterThan(5);
        } finally {
            pool.shutdownNow();
        }
    }

    private Trial trial(Path jar, int n, long seed) throws Exception {
        Random r = new Random(seed);
        int k = 1 + r.nextInt(LINES);
        Path trialDir = Files.createDirectories(dir.resolve("trial-" + n));
        try (SimBench sb = new SimBench(trialDir, "ST2030", "sip:2.67", 1, b -> b.bind("127.0.60." + n))) {
            Path playbook = fastPlaybook(trialDir);
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString(), "convert", "--ip", sb.ip(1),
                    "--target", "mgcp", "--firmware", sb.firmware.toString(), "--tftp-port", String.valueOf(sb.tftpPort),
                    "--runs-dir", sb.runs.toString(), "--playbook", playbook.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int seen = 0;
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while (seen < k && (line = err.readLine()) != null) {
                    if (line.startsWith("[")) {
                        seen++;
                    }
                }
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            // a technician waits for a rebooting phone to come back before resuming
            Instant deadline = Instant.now().plusSeconds(20);
            while (sb.state(1).status() == PhoneStatus.BOOTING && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            SimBench.Result res = sb.st("convert", "--ip", sb.ip(1), "--target", "mgcp", "--playbook", playbook.toString(),
                    "--resume");
            PhoneState s = sb.state(1);
            String problem = res.exitCode() != 0 ? "resume exit " + res.exitCode() + ": " + res.err()
                    : !s.protocol().equals("mgcp") || s.bricked() || s.status() != PhoneStatus.RUNNING
                            ? "phone ended " + s.protocol() + " " + s.version() + " " + s.status() : "";
            return new Trial(n, seed, k, seen, problem);
        }
    }

    private static Path fastPlaybook(Path dir) throws IOException {
        String text = Files.readString(Path.of("playbooks/st20xx.yaml"))
                .replaceAll("(?m)^(\\s+timeout: )\\d+s", "$110s")
                .replaceAll("(?m)^(\\s+return_deadline: )\\d+s", "$120s")
                .replaceAll("(?m)^(\\s+poll_interval: )\\S+", "$1200ms");
        return Files.writeString(dir.resolve("fast.yaml"), text);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
