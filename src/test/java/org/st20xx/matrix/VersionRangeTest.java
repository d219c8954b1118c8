package org.st20xx.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {
    private static boolean in(String range, String version) {
        return VersionRange.parse(range).contains(Version.parse(version));
    }

    @Test
    void halfOpenIntervalsIncludeTheLowerEndOnly() {
        assertThat(in("[1.55, 2.0)", "1.55")).isTrue();
        assertThat(in("[1.55, 2.0)", "1.99.9")).isTrue();
        assertThat(in("[1.55, 2.0)", "2.0")).isFalse();
        assertThat(in("[1.55, 2.0)", "1.54.9")).isFalse();
        assertThat(in("(1.55, 2.0]", "1.55")).isFalse();
        assertThat(in("(1.55, 2.0]", "2.0")).isTrue();
    }

    @Test
    void openEndsReachForever() {
        assertThat(in("[2.67,)", "99.1")).isTrue();
        assertThat(in("[2.67,)", "2.66.9")).isFalse();
        assertThat(in("(,2.67)", "0.1")).isTrue();
        assertThat(in("(,2.67)", "2.67")).isFalse();
    }

    @Test
    void aBareVersionIsExactlyThatVersion() {
        assertThat(in("1.66", "1.66.0")).isTrue();
        assertThat(in("1.66", "1.66.2")).isFalse();
    }

    @Test
    void overlapRespectsOpenAndClosedEnds() {
        assertThat(VersionRange.parse("[1.0, 2.0)").overlaps(VersionRange.parse("[2.0, 3.0)"))).isFalse();
        assertThat(VersionRange.parse("[1.0, 2.0]").overlaps(VersionRange.parse("[2.0, 3.0)"))).isTrue();
        assertThat(VersionRange.parse("[1.0, 2.0)").overlaps(VersionRange.parse("[1.5,)"))).isTrue();
        assertThat(VersionRange.parse("(,1.0)").overlaps(VersionRange.parse("[1.0,)"))).isFalse();
    }

    @Test
    void rejectsEmptyAndMalformedRanges() {
        assertThatThrownBy(() -> VersionRange.parse("[2.0, 1.0)")).hasMessageContaining("empty version range");
        assertThatThrownBy(() -> VersionRange.parse("[1.0, 1.0)")).hasMessageContaining("empty version range");
        assertThatThrownBy(() -> VersionRange.parse("[1.0, 2.0")).hasMessageContaining("not a version range");
        assertThatThrownBy(() -> VersionRange.parse("[a, 2.0)")).hasMessageContaining("'a' is not a version");
    }
}
