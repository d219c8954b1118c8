package org.st20xx.console.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelnetTransportTest {

    @Test
    void doublesEveryIacDataByte() {
        byte[] escaped = TelnetTransport.escapeIac(new byte[] {'a', (byte) 255, 'b', (byte) 255});

        assertThat(escaped).containsExactly('a', (byte) 255, (byte) 255, 'b', (byte) 255, (byte) 255);
    }

    @Test
    void namesItsEndpoint() {
        assertThat(new TelnetTransport("127.0.0.1", 2323)).hasToString("telnet 127.0.0.1:2323");
        assertThat(new TelnetTransport("::1", 23)).hasToString("telnet [::1]:23");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> new TelnetTransport("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelnetTransport("127.0.0.1", 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
