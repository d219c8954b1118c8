package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.sim.PhoneState;

/** {@code java -jar target/st20xx.jar sim ...} as the contract says: phone lines, ready, state files, SIGTERM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimCommandIT {
    @TempDir
    Path tmp;

    /** The next line the simulator prints, within 30 s. */
    private static String next(BlockingQueue<String> output) throws InterruptedException {
        String l = output.poll(30, TimeUnit.SECONDS);
        assertThat(l).as("a line from st20xx sim within 30 s").isNotNull();
        return l;
    }

    private static int status(String hostPort, String account) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + hostPort + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void printsPhonesThenReadyServesPowerCycleControlAndStopsOnSigterm() throws Exception {
        Path jar = Path.of("target", "st20xx.jar");
        assertThat(jar).exists();
        Path state = tmp.resolve("state");
        Path accounts = Files.writeString(tmp.resolve("accounts.yaml"), String.join("\n",
                "sip:  { user: tech, password: \"s1\" }",
                "mgcp: { user: tech, password: \"m1\" }",
                "web:  { user: boss, password: \"w1\" }", ""));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "sim", "--count", "2", "--model", "ST2030", "--firmware", "sip:2.67",
                "--state-dir", state.toString(), "--boot-seconds", "0.2", "--credentials", accounts.toString())
                .redirectErrorStream(true).start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    output.add(l);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>();
            for (String l = next(output); !l.equals("ready"); l = next(output)) {
                lines.add(l);
            }
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("phone 1 telnet 127\\.0\\.0\\.1:\\d+ http 127\\.0\\.0\\.1:\\d+");
            assertThat(lines.get(1)).as("each phone its own address").startsWith("phone 2 telnet 127.0.0.2:");
            PhoneState s = PhoneState.read(PhoneState.file(state, 1));
            assertThat(s.protocol()).isEqualTo("sip");
            assertThat(s.telnetEnabled()).isFalse();
            assertThat(s.bricked()).isFalse();
            assertThat(lines.get(0)).contains(s.telnet(), s.http());
            assertThat(status(s.http(), "boss:w1")).as("the web account of --credentials").isEqualTo(200);
            assertThat(status(s.http(), "administrator:784518")).isEqualTo(401);

            in.write("power-cycle 2\nbogus\n");
            in.flush();
            assertThat(next(output)).isEqualTo("phone 2 power-cycled");
            assertThat(next(output)).startsWith("error: unknown control line 'bogus'");
            Path file = PhoneState.file(state, 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (PhoneState.read(file).reboots() < 1 || !PhoneState.read(file).state().equals("running")) {
                assertThat(System.nanoTime()).as("phone 2 comes back from its power cycle").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertThat(p.exitValue()).as("stopped by SIGTERM, not killed").isEqualTo(143);
        try (var files = Files.list(state)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("phone-1.json", "phone-2.json");
        }
    }
}
