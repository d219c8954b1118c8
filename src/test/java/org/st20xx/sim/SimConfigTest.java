package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.st20xx.St20xxException;

class SimConfigTest {
    @Test
    void startLoadTakesTheMatrixNamesAndPreferredDsp() {
        SimConfig c = SimConfig.builder("st2030", "SIP:1.66").build();
        assertThat(c.start().load().toString()).isEqualTo("SIP 1.66.2");
        assertThat(c.start().app()).isEqualTo("v2030SG.081210.1.66.2.zz");
        assertThat(c.start().dsp().file()).isEqualTo("ST2030_dsp_v101.zz");
        assertThat(c.start().config()).isEqualTo("TelConf2030SG_v1.66.2.txt");
        assertThat(c.bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(c.telnetEnabled()).isFalse();
        assertThat(c.tftpPort()).isEqualTo(69);
        assertThat(c.credentials().console("mgcp").user()).isEqualTo("administrator");

        SimConfig d = SimConfig.builder("ST2030", "sip:1.66").dsp("ST2030_SIP_v100_dsp_4way.zz").build();
        assertThat(d.start().dsp().id()).isEqualTo("v1.00-sip");
    }

    @Test
    void refusesWhatWouldNotBootOrDoesNotExist() {
        String[][] bad = {
            {"NOPE", "sip:2.67", null, "unknown model"},
            {"ST2030", "sip:2.50", null, "knows no ST2030 SIP 2.50"},
            {"ST2030", "sip", null, "expected PROTO:VER"},
            {"ST2030", "sccp:2.67", null, "has no protocol"},
            {"ST2030", "sip:2.67", "ST2030_dsp_v101.zz", "does not run with DSP"},
            {"ST2030", "sip:2.67", "ST2022m_DSP_v300.zz", "not a DSP file of ST2030"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> SimConfig.builder(b[0], b[1]).dsp(b[2]).build()).as(String.join(" ", b[0], b[1]))
                    .isInstanceOf(St20xxException.class).hasMessageContaining(b[3]);
        }
        assertThatThrownBy(() -> SimConfig.builder("ST2030", "sip:2.67").count(0).build()).hasMessageContaining("--count");
        assertThatThrownBy(() -> SimConfig.builder("ST2030", "sip:2.67").bind("192.0.2.1").build())
                .hasMessageContaining("loopback only");
        assertThatThrownBy(() -> SimConfig.builder("ST2030", "sip:2.67").count(3).telnetPortBase(65534).build())
                .hasMessageContaining("--telnet-port-base");
        assertThatThrownBy(() -> SimConfig.builder("ST2030", "sip:2.67").bootTime(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("--boot-seconds");
        assertThatThrownBy(() -> SimConfig.builder("ST2030", "sip:2.67").fault("2:drop:tftp").build())
                .hasMessageContaining("--fault");
    }
}
