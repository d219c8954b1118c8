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
    void keepsTheStartOfASplitCharacterWhenTheCallerReusesItsArray() {
        StreamDecoder decoder = new StreamDecoder(StandardCharsets.UTF_8);
        byte[] arrow = "→".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[8];
        StringBuilder text = new StringBuilder();

        for (byte b : arrow) {
            java.util.Arrays.fill(buffer, (byte) 'x');
            buffer[3] = b;
            text.append(decoder.decode(buffer, 3, 1));
        }

        assertThat(text.toString()).isEqualTo("→");
        assertThat(decoder.finish()).isEmpty();
    }

    @Test
    void decodesFromAnOffsetAndSplitsFourByteCharactersAnywhere() {
        byte[] all = "a😀b→c".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= all.length; cut++) {
            StreamDecoder decoder = new StreamDecoder(StandardCharsets.UTF_8);
            byte[] padded = new byte[all.length + 4];
            System.arraycopy(all, 0, padded, 2, all.length);

            String text = decoder.decode(padded, 2, cut) + decoder.decode(padded, 2 + cut, all.length - cut)
                    + decoder.finish();

            assertThat(text).as("cut at %d", cut).isEqualTo("a😀b→c");
        }
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
