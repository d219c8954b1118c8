package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** STATE_DIR/phone-N.json: the contract's fields, rewritten atomically after every change. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StateFileIT {
    @TempDir
    Path tmp;

    @Test
    void hasTheContractFieldsWithLowerCaseProtocol() throws IOException {
        try (TestLab lab = TestLab.start(tmp, "ST2022", "sip:4.68", b -> b.count(3).telnetEnabled(false))) {
            for (int n = 1; n <= 3; n++) {
                JsonNode s = new ObjectMapper().readTree(PhoneState.file(lab.stateDir, n).toFile());
                assertThat(s.get("model").asText()).isEqualTo("ST2022");
                assertThat(s.get("protocol").asText()).isEqualTo("sip");
                assertThat(s.get("version").asText()).isEqualTo("4.68");
                assertThat(s.get("app").asText()).matches("v2022SG\\..*4\\.68\\.zz");
                assertThat(s.get("dsp").asText()).isEqualTo("v2022_dsp_R11.1_SED_v320.zz");
                assertThat(s.get("config").asText()).isEqualTo("TelConf2022SG_v4.68.txt");
                assertThat(s.get("telnetEnabled").isBoolean()).isTrue();
                assertThat(s.get("telnetEnabled").asBoolean()).isFalse();
                assertThat(s.get("bricked").asBoolean()).isFalse();
                assertThat(s.get("reboots").isInt()).isTrue();
                assertThat(s.get("state").asText()).isEqualTo("running");
                assertThat(s.get("telnet").asText()).isEqualTo("127.0.0." + n + ":" + lab.telnet(n).getPort());
            }
        }
    }

    @Test
    void everyChangeRewritesTheFileAtomically() throws Exception {
        try (TestLab lab = TestLab.start(tmp, "ST2030", "sip:2.67")) {
            Path file = PhoneState.file(lab.stateDir, 1);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            AtomicReference<Throwable> broken = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        PhoneState.read(file);
                        reads.incrementAndGet();
                    } catch (IOException e) {
                        broken.compareAndSet(null, e);
                    }
                }
            });
            reader.start();
            try (TelnetTestClient c = lab.login(1)) {
                for (String cmd : List.of("sys set rel 0", "ffs format", "ffs commit", "ffs commit", "flash clean nmm")) {
                    c.command(cmd);
                    assertThat(lab.state(1).lastCommand()).isEqualTo(cmd);
                }
                c.command("tftp 127.0.0.1 v2030SG.081210.1.66.2.zz");
                assertThat(lab.state(1).flashApp()).isEqualTo("v2030SG.081210.1.66.2.zz");
                c.commandUntilClosed("reboot");
            }
            assertThat(lab.state(1).state()).isIn("booting", "bricked");
            lab.awaitBoot(1, 1);
            stop.set(true);
            reader.join(5000);
            assertThat(broken.get()).as("a reader never sees a half-written file").isNull();
            assertThat(reads.get()).isPositive();
            try (Stream<Path> files = Files.list(lab.stateDir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("phone-1.json");
            }
        }
    }
}
