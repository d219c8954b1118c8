package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.st20xx.tftp.TftpServerConfig;

/** The embedded TFTP server never refuses a phone of the batch it serves ("Server busy"). */
class BenchTransfersTest {
    @Test
    void roomForTwoTransfersPerPhoneNeverBelowTheDefault() {
        assertThat(Bench.maxTransfers(1)).isEqualTo(TftpServerConfig.DEFAULT_MAX_TRANSFERS);
        assertThat(Bench.maxTransfers(32)).isEqualTo(TftpServerConfig.DEFAULT_MAX_TRANSFERS);
        assertThat(Bench.maxTransfers(200)).isEqualTo(400);
        assertThat(Bench.maxTransfers(1_000_000)).isEqualTo(Bench.MAX_TRANSFERS);
    }
}
