package org.st20xx.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NegotiationTest {
    private static List<Map.Entry<String, String>> options(String... nameValue) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            list.add(Map.entry(nameValue[i], nameValue[i + 1]));
        }
        return list;
    }

    @Test
    void withoutOptionsUsesRfc1350DefaultsAndSendsNoOack() throws Exception {
        Negotiation n = Negotiation.negotiate(List.of());
        assertThat(n.blockSize()).isEqualTo(512);
        assertThat(n.windowSize()).isEqualTo(1);
        assertThat(n.timeout()).isNull();
        assertThat(n.oack(1234)).isEmpty();
        assertThat(n.wantsSize()).isFalse();
    }

    @Test
    void acknowledgesSupportedOptionsInRequestOrderAndIgnoresUnknownOnes() throws Exception {
        Negotiation n = Negotiation.negotiate(options("windowsize", "8", "utimeout", "1000", "tsize", "0",
                "blksize", "1468", "timeout", "3"));
        assertThat(n.blockSize()).isEqualTo(1468);
        assertThat(n.windowSize()).isEqualTo(8);
        assertThat(n.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(n.wantsSize()).isTrue();
        assertThat(n.oack(33_554_432L)).containsExactly(Map.entry("windowsize", "8"), Map.entry("tsize", "33554432"),
                Map.entry("blksize", "1468"), Map.entry("timeout", "3"));
    }

    @Test
    void leavesTsizeOutForAnEmptyFile() throws Exception {
        Negotiation n = Negotiation.negotiate(options("tsize", "0", "blksize", "1468"));
        assertThat(n.oack(0)).containsExactly(Map.entry("blksize", "1468"));
        assertThat(Negotiation.negotiate(options("tsize", "0")).oack(0)).isEmpty();
    }

    @Test
    void lowersTooLargeBlockAndWindowSizesToTheMaximum() throws Exception {
        Negotiation n = Negotiation.negotiate(options("blksize", "100000", "windowsize", "65535"));
        assertThat(n.blockSize()).isEqualTo(Negotiation.MAX_BLOCK_SIZE);
        assertThat(n.windowSize()).isEqualTo(Negotiation.MAX_WINDOW_SIZE);
        assertThat(n.oack(0)).containsEntry("blksize", "65464").containsEntry("windowsize", "64");
    }

    @Test
    void acceptsTheLimitsThemselves() throws Exception {
        assertThat(Negotiation.negotiate(options("blksize", "8")).blockSize()).isEqualTo(8);
        assertThat(Negotiation.negotiate(options("blksize", "65464")).blockSize()).isEqualTo(65464);
        assertThat(Negotiation.negotiate(options("timeout", "255")).timeout()).isEqualTo(Duration.ofSeconds(255));
        assertThat(Negotiation.negotiate(options("windowsize", "1")).windowSize()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "blksize, 7, at least 8",
        "blksize, abc, decimal number",
        "blksize, '', decimal number",
        "blksize, -512, decimal number",
        "blksize, 99999999999999, decimal number",
        "timeout, 0, at least 1",
        "timeout, 256, 1..255",
        "windowsize, 0, at least 1",
        "tsize, x, decimal number",
    })
    void refusesBadValues(String name, String value, String message) {
        assertThatThrownBy(() -> Negotiation.negotiate(options(name, value)))
                .isInstanceOf(Negotiation.OptionException.class).hasMessageContaining(name).hasMessageContaining(message);
    }

    @Test
    void refusesAnOptionSentTwice() {
        assertThatThrownBy(() -> Negotiation.negotiate(options("blksize", "512", "blksize", "1024")))
                .hasMessageContaining("sent twice");
    }
}
