package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.st20xx.St20xxException;

class FaultTest {
    @Test
    void parsesPhoneKindAndCommand() {
        assertThat(Fault.parse("2:power-loss:ffs", 3)).isEqualTo(new Fault(2, FaultKind.POWER_LOSS, "ffs"));
        assertThat(Fault.parse("*:no-return:reboot", 3)).isEqualTo(new Fault(0, FaultKind.NO_RETURN, "reboot"));
        assertThat(Fault.parse("1:tftp-fail:tftp2", 1).toString()).isEqualTo("1:tftp-fail:tftp2");
        assertThat(new Fault(0, FaultKind.DROP, "sys").appliesTo(7)).isTrue();
        assertThat(new Fault(2, FaultKind.DROP, "sys").appliesTo(7)).isFalse();
    }

    @Test
    void refusesBadSpecsWithAUsageErrorNamingTheOption() {
        for (String bad : new String[] {"1:drop", "0:drop:tftp", "4:drop:tftp", "x:drop:tftp", "1:crash:tftp",
            "1:drop:format", "1:tftp-fail:reboot", "1:drop:tftp:x"}) {
            assertThatThrownBy(() -> Fault.parse(bad, 3)).as(bad).isInstanceOf(St20xxException.class)
                    .hasMessageStartingWith("--fault '" + bad + "': ");
        }
    }
}
