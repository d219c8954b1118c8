package org.st20xx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GnuTimeTest {
    @Test
    void readsItsOwnFormatEvenAfterANonZeroExitLine() {
        GnuTime.Usage u = GnuTime.parse("Command exited with non-zero status 1\nst20xx-time 8.58 6.12 0.77 291840\n");
        assertThat(u.elapsedSeconds()).isEqualTo(8.58);
        assertThat(u.cpuSeconds()).isEqualTo(6.89, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(u.maxRssKib()).isEqualTo(291840);
    }

    @Test
    void aMissingOrBrokenLineIsAnError() {
        assertThatThrownBy(() -> GnuTime.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GnuTime.parse("st20xx-time 1 x 2 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrapsTheCommandWithAnOutputFile() {
        assertThat(GnuTime.wrap(List.of("java", "-jar", "x.jar"), Path.of("/tmp/t.txt")))
                .containsExactly("/usr/bin/time", "-f", GnuTime.FORMAT, "-o", "/tmp/t.txt", "java", "-jar", "x.jar");
    }
}
