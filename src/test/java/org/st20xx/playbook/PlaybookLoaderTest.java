package org.st20xx.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.st20xx.InvalidInputException;
import org.st20xx.matrix.Load;
import org.st20xx.plan.Hop;

class PlaybookLoaderTest {
    private static String shipped() throws IOException {
        return Files.readString(Path.of("playbooks/st20xx.yaml"));
    }

    @Test
    void theShippedPlaybookIsSeed000Section6Corrected() throws IOException {
        Playbook pb = PlaybookLoader.parse(shipped(), "playbooks/st20xx.yaml");
        assertThat(pb.beforeReboot().account()).isEqualTo("from");
        assertThat(pb.afterReboot().account()).isEqualTo("to");
        assertThat(pb.beforeReboot().steps()).containsExactly("pull_app", "pull_dsp", "clear_release", "ffs_format",
                "ffs_commit", "ffs_commit", "flash_clean", "reboot_immediate");
        // s6.1 step 7 names the DSP; the corrected playbook pulls the application again
        assertThat(pb.afterReboot().steps()).containsExactly("pull_app", "pull_config", "final_reboot");
        Map<String, String> vars = Map.of("server", "127.0.0.1", "app", "A.zz", "dsp", "D.zz", "config", "C.txt");
        assertThat(pb.step("pull_app").render(vars)).isEqualTo("tftp 127.0.0.1 A.zz");
        assertThat(pb.step("pull_config").render(vars)).isEqualTo("tftp2 telcfg 127.0.0.1 C.txt");
        assertThat(pb.step("reboot_immediate").reboot()).isTrue();
        assertThat(pb.step("pull_dsp").onlyWhen()).contains("dsp_write");
        assertThat(pb.connection().newline()).isEqualTo("\r");
        assertThat(pb.reboot().returnDeadline()).isEqualTo(Duration.ofSeconds(300));
        assertThat(pb.login().prompt().matcher("[administrator]# ").find()).isTrue();
        assertThat(pb.identify().fields()).containsKeys("model", "protocol", "version", "dsp");
    }

    @Test
    void aDspWriteStepIsTypedOnlyInHopsThatWriteTheDsp() throws IOException {
        Playbook pb = PlaybookLoader.parse(shipped(), "playbooks/st20xx.yaml");
        assertThat(pb.step("pull_dsp").appliesTo(true)).isTrue();
        assertThat(pb.step("pull_dsp").appliesTo(false)).isFalse();
        assertThat(pb.step("pull_app").appliesTo(false)).isTrue();
        Hop hop = new Hop(1, Load.of("sip", "2.67"), Load.of("mgcp", "1.55"), Optional.empty(), Optional.empty(), false,
                Optional.of("A.zz"), Optional.empty(), Optional.of("C.txt"), 2);
        Map<String, String> vars = Playbook.Step.vars("10.0.0.1", hop);
        assertThat(vars).containsExactly(Map.entry("server", "10.0.0.1"), Map.entry("app", "A.zz"),
                Map.entry("dsp", "<missing>"), Map.entry("config", "C.txt"));
        assertThat(pb.step("pull_dsp").render(vars)).isEqualTo("tftp 10.0.0.1 <missing>");
    }

    @Test
    void problemsNameFileLineAndColumn() throws IOException {
        String broken = shipped()
                .replace("    timeout: 300s\n    transfer: app ", "    timeout: 5 minutes\n    transfer: app ")
                .replace("  poll_interval: 1s\n", "  poll_interval: 1s\n  jitter: 2s\n")
                .replace("send: 'tftp {server} {dsp}'", "send: 'tftp {sever} {dsp}'")
                .replace("steps: [pull_app, pull_config, final_reboot]", "steps: [pull_app, final_reboot, pull_config]");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PlaybookLoader.parse(broken, "pb.yaml"));
        assertThat(e.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).matches("pb\\.yaml:\\d+:\\d+: 'timeout' must be a duration.*"))
                .anySatisfy(p -> assertThat(p).matches("pb\\.yaml:\\d+:\\d+: unknown key 'jitter' in 'reboot'.*"))
                .anySatisfy(p -> assertThat(p).contains("unknown placeholder {sever}"))
                .anySatisfy(p -> assertThat(p).contains("must end with its one reboot step"));
    }
}
