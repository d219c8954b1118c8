package org.st20xx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProgressLogTest {
    @Test
    void addsUpEachPhonesWaitFromTheCloseToItsNextIdentity() {
        String log = """
                [    0.3s] 127.0.10.1:4000 phone runs ST2030 SIP 2.67 (DSP x, config y)
                [    1.0s] 127.0.10.1:4000 rebooting onto SIP 1.66.2; waiting up to 300s for its console
                [   1.1s] 127.0.10.2:4000   rebooting onto SIP 1.66.2; waiting up to 300s for its console
                [    1.2s] 127.0.10.2:4000   step 7/7 ok (1.2s)
                [    2.1s] 127.0.10.1:4000 phone runs ST2030 SIP 1.66.2 (DSP x, config none)
                [    2.6s] 127.0.10.2:4000 phone runs ST2030 SIP 1.66.2 (DSP x, config none)
                not a progress line
                """;
        ProgressLog.RebootWaits w = ProgressLog.rebootWaits(log);
        assertThat(w.reboots()).isEqualTo(2);
        assertThat(w.waitSeconds()).isCloseTo(2.6, within(1e-9));
        assertThat(w.meanSeconds()).isCloseTo(1.3, within(1e-9));
        assertThat(ProgressLog.rebootWaits("").meanSeconds()).isZero();
    }
}
