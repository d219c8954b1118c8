package org.st20xx.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void comparesComponentsNumericallyWithMissingPartsAsZero() {
        assertThat(Version.parse("1.66")).isEqualTo(Version.parse("1.66.0"));
        assertThat(Version.parse("1.66").hashCode()).isEqualTo(Version.parse("1.66.0").hashCode());
        assertThat(Version.parse("1.66.2")).isGreaterThan(Version.parse("1.66"));
        assertThat(Version.parse("2.9")).isLessThan(Version.parse("2.10"));
        assertThat(Version.parse("1.50")).isGreaterThan(Version.parse("1.5"));
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(Version.parse("1.50").toString()).isEqualTo("1.50");
    }

    @Test
    void startsWithComparesLeadingComponents() {
        assertThat(Version.parse("2.68.1").startsWith(Version.parse("2.68"))).isTrue();
        assertThat(Version.parse("2.68").startsWith(Version.parse("2.68"))).isTrue();
        assertThat(Version.parse("2.6").startsWith(Version.parse("2.68"))).isFalse();
        assertThat(Version.parse("2.68").startsWith(Version.parse("2.68.1"))).isFalse();
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertThatThrownBy(() -> Version.parse("2.x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2.x' is not a version");
        assertThat(Version.isVersion("")).isFalse();
        assertThat(Version.isVersion("1..2")).isFalse();
    }
}
