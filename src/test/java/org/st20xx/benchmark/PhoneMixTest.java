package org.st20xx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.st20xx.demo.Demo;

class PhoneMixTest {
    @Test
    void keepsTheDemosProportionsAndAddsUpToTheCount() {
        for (int n : new int[] {1, 2, 5, 7, 10, 49, 50, 200, 500}) {
            List<Demo.Group> mix = PhoneMix.of(n);
            assertThat(mix.stream().mapToInt(Demo.Group::count).sum()).as("n=%d", n).isEqualTo(n);
        }
        assertThat(PhoneMix.of(7)).isEqualTo(Demo.defaultGroups(1));
        assertThat(PhoneMix.of(70)).isEqualTo(Demo.defaultGroups(10));
        assertThat(PhoneMix.of(50).stream().map(Demo.Group::count).toList()).containsExactly(15, 7, 14, 7, 7);
    }

    @Test
    void fewPhonesGoToTheFirstKindsAndEmptyKindsAreLeftOut() {
        List<Demo.Group> one = PhoneMix.of(1);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).count()).isEqualTo(1);
        assertThat(one.get(0).start()).isEqualTo(Demo.defaultGroups(1).get(0).start());
        assertThat(PhoneMix.of(10)).hasSize(5);
    }

    @Test
    void everyKindOnceWithItsAddress() {
        assertThat(PhoneMix.kinds()).hasSize(Demo.defaultGroups(1).size()).allMatch(g -> g.count() == 1);
        assertThat(PhoneMix.describe(PhoneMix.kinds().get(1))).isEqualTo("ST2030 mgcp:1.55 -> sip:2.74 (telnet off)");
    }

    @Test
    void refusesNoPhones() {
        assertThatThrownBy(() -> PhoneMix.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
