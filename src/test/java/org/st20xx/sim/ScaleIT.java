package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** 200 phones in one process start and answer telnet on loopback within 10 seconds. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScaleIT {
    static final int PHONES = 200;

    @TempDir
    Path tmp;

    @Test
    void twoHundredPhonesAnswerTelnetWithinTenSeconds() throws Exception {
        long t0 = System.nanoTime();
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67", b -> b.count(PHONES))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> answers = IntStream.rangeClosed(1, PHONES).mapToObj(n -> pool.submit(() -> {
                    try (TelnetTestClient c = TelnetTestClient.awaitLogin(lab.telnet(n), Duration.ofSeconds(30))) {
                        return c.received();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })).toList();
                for (Future<String> f : answers) {
                    assertThat(f.get()).endsWith("Login: ");
                }
            } finally {
                pool.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("ScaleIT: " + PHONES + " phones started and answered telnet in " + took.toMillis() + " ms");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(lab.state(PHONES).state()).isEqualTo("running");
        }
    }
}
