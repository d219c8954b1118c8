package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.st20xx.matrix.Load;

class FirmwareImageTest {
    static final byte[] PAYLOAD = "some payload bytes".getBytes(StandardCharsets.US_ASCII);

    private static byte[] app() {
        return FirmwareImage.build("ST2030", ImageKind.APPLICATION, Optional.of(Load.of("sip", "1.66.2")),
                "v2030SG.081210.1.66.2.zz", PAYLOAD);
    }

    @Test
    void headerIsOneAsciiLineNamingModelKindLoadNameLengthAndChecksum() {
        String head = new String(app(), StandardCharsets.US_ASCII).split("\n")[0];
        assertThat(head).matches("ST20XX-IMAGE/1 model=ST2030 kind=application protocol=sip version=1\\.66\\.2 "
                + "name=v2030SG\\.081210\\.1\\.66\\.2\\.zz length=18 crc32=[0-9a-f]{8}");
    }

    @Test
    void readsBackWhatWasBuilt() throws Exception {
        FirmwareImage img = FirmwareImage.parse(app());
        assertThat(img).isEqualTo(new FirmwareImage("ST2030", ImageKind.APPLICATION,
                Optional.of(Load.of("sip", "1.66.2")), "v2030SG.081210.1.66.2.zz", PAYLOAD.length));
        FirmwareImage dsp = FirmwareImage.parse(FirmwareImage.build("ST2022", ImageKind.DSP, Optional.empty(),
                "v2022_dsp_v310.zz", new byte[0]));
        assertThat(dsp.load()).isEmpty();
        assertThat(dsp.length()).isZero();
    }

    @Test
    void truncatedAlteredPayloadOrAlteredHeaderFailTheChecksum() {
        byte[] ok = app();
        byte[] truncated = Arrays.copyOf(ok, ok.length - 1);
        byte[] altered = ok.clone();
        altered[altered.length - 3] ^= 1;
        byte[] header = new String(ok, StandardCharsets.ISO_8859_1).replace("version=1.66.2", "version=1.66.3")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] b : new byte[][] {truncated, altered, header}) {
            assertThatThrownBy(() -> FirmwareImage.parse(b)).isInstanceOf(FirmwareImage.Rejected.class)
                    .hasMessage("bad checksum");
        }
    }

    @Test
    void anythingElseIsAnUnknownFormat() {
        for (String s : new String[] {"", "hello", "ST20XX-IMAGE/1 model=ST2030\n", "ST20XX-IMAGE/2 x=y crc32=0\n",
            "ST20XX-IMAGE/1 model=ST2030 kind=boot name=x length=0 crc32=00000000\n",
            "ST20XX-IMAGE/1 model=ST2030 kind=application name=x length=0 crc32=00000000\n"}) {
            assertThatThrownBy(() -> FirmwareImage.parse(s.getBytes(StandardCharsets.US_ASCII)))
                    .as(s).hasMessage("unknown image format");
        }
        assertThatThrownBy(() -> FirmwareImage.parse(new byte[4096])).hasMessage("unknown image format");
    }

    @Test
    void dspImagesHaveNoLoadAndOthersNeedOne() {
        assertThatThrownBy(() -> new FirmwareImage("ST2030", ImageKind.DSP, Optional.of(Load.of("sip", "1.0")), "d.zz", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirmwareImage("ST2030", ImageKind.CONFIG, Optional.empty(), "c.txt", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirmwareImage("ST2030", ImageKind.DSP, Optional.empty(), "a b.zz", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
