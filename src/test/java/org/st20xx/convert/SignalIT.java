package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.sim.PhoneState;

/** A real SIGINT (Ctrl-C) to a running {@code convert} process, in the middle of a flash phase. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignalIT {
    @TempDir
    Path dir;

    @Test
    void ctrlCDuringAFlashPhaseStopsAfterTheRebootWithExit130() throws Exception {
        Path jar = Path.of("target", "st20xx.jar");
        assertThat(jar).isRegularFile();
        try (SimBench sb = new SimBench(dir, "ST2030", "sip:2.67", 1, b -> b.bind("127.0.70.1"))) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "convert", "--ip", sb.ip(1), "--target", "mgcp", "--firmware",
                    sb.firmware.toString(), "--tftp-port", String.valueOf(sb.tftpPort), "--runs-dir", sb.runs.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            StringBuilder err = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean sent = false;
                while ((line = in.readLine()) != null) {
                    err.append(line).append('\n');
                    if (!sent && line.contains("step 2/8 Download the DSP image")) {
                        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                        sent = true;
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err.toString()).isEqualTo(130);
            assertThat(err.toString()).contains("Ctrl-C: stopping at the next safe point")
                    .contains("stopped at a safe point").contains("--resume");
            PhoneState s = sb.state(1);
            assertThat(s.version()).as("the flash phase went on to boot the bridge pair").isEqualTo("1.66.2");
            assertThat(s.bricked()).isFalse();
            String journal = Files.readString(sb.runs.resolve(sb.ip(1).replace(':', '_')).resolve("journal.json"));
            assertThat(journal).contains("\"status\" : \"interrupted\"");
        }
    }
}
