package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TftpServerConfigTest {
    private final Path root = Path.of("fw");

    @Test
    void defaultsServeAllAddressesOnPort69() {
        TftpServerConfig c = TftpServerConfig.of(root);
        assertThat(c.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(c.port()).isEqualTo(69);
        assertThat(c.maxTransfers()).isEqualTo(TftpServerConfig.DEFAULT_MAX_TRANSFERS);
        assertThat(c.retries()).isEqualTo(TftpServerConfig.DEFAULT_RETRIES);
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void loopbackPicksAFreePortOn127001() {
        TftpServerConfig c = TftpServerConfig.loopback(root);
        assertThat(c.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(c.port()).isZero();
        assertThat(c.withMaxTransfers(3).maxTransfers()).isEqualTo(3);
        assertThat(c.withRetries(7, Duration.ofMillis(50))).extracting(TftpServerConfig::retries, TftpServerConfig::timeout)
                .containsExactly(7, Duration.ofMillis(50));
    }

    @Test
    void rejectsValuesOutOfRange() {
        TftpServerConfig c = TftpServerConfig.loopback(root);
        InetAddress lo = InetAddress.getLoopbackAddress();
        assertThatThrownBy(() -> c.withBind(lo, 65536)).hasMessage("port must be between 0 and 65535 (got 65536)");
        assertThatThrownBy(() -> c.withBind(lo, -1)).hasMessageContaining("port");
        assertThatThrownBy(() -> c.withMaxTransfers(0)).hasMessageContaining("max transfers must be between 1 and");
        assertThatThrownBy(() -> c.withRetries(-1, Duration.ofSeconds(1))).hasMessageContaining("retries");
        assertThatThrownBy(() -> c.withRetries(1, Duration.ofMillis(9))).hasMessageContaining("timeout must be between");
        assertThatThrownBy(() -> c.withRetries(1, Duration.ofSeconds(256))).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new TftpServerConfig(null, lo, 0, 1, 1, Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("root");
    }
}
