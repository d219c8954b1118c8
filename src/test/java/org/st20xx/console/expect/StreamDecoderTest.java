package org.st20xx.console.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamDecoderTest {

    @Test
    void decodesAUtf8CharacterSplitBetweenReads() {
        StreamDecoder decoder = new StreamDecoder(StandardCharsets.UTF_8);
        byte[] arrow = "→".getBytes(StandardCharsets.UTF_8);

        String first = decoder.decode(arrow, 0, 1);
        String second = decoder.decode(arrow, 1, 2);

        assertThat(first).isEmpty();
        assertThat(second).isEqualTo("→");
    }

    @Test
    void replacesMalformedInputAndAnUnfinishedCharacterAtTheEnd() {
        StreamDecoder decoder = new StreamDecoder(StandardCharsets.UTF_8);

        String text = decoder.decode(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xe2, (byte) 0x86}, 0, 5);

        assertThat(text).isEqualTo("a\ufffdb");
        assertThat(decoder.finish()).isEqualTo("\ufffd");
    }

    @Test
    void latin1MapsEveryByteToOneCharacter() {
        StreamDecoder decoder = new StreamDecoder(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }

        String text = decoder.decode(all, 0, 256);

        assertThat(text).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat((int) text.charAt(i)).isEqualTo(i);
        }
    }
}
