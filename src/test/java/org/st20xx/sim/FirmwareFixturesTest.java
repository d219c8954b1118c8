package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;

class FirmwareFixturesTest {
    static final Matrix MATRIX = MatrixLoader.loadBuiltIn();

    @TempDir
    Path dir;

    @Test
    void writesEveryReleaseAndEveryDspOfEachModelWithNamesTheMatrixRecognises() throws Exception {
        for (PhoneModel m : MATRIX.models().values()) {
            if (!m.family().equals(SimConfig.FAMILY)) {
                continue; // Cisco phones take no console-driven fixtures
            }
            Path d = dir.resolve(m.name());
            List<Path> files = FirmwareFixtures.of(m).writeAll(d);
            assertThat(files).hasSize(2 * m.releases().size() + m.dsps().size());
            for (Release r : m.releases()) {
                String app = FirmwareNames.application(m, r.load());
                assertThat(m.applicationLoad(app)).contains(r.load());
                r.app().ifPresent(named -> assertThat(app).isEqualTo(named));
                FirmwareImage img = ImageCheck.firmware(m, app, Files.readAllBytes(d.resolve(app)));
                assertThat(img.load()).contains(r.load());
                String cfg = FirmwareNames.config(m, r.load());
                assertThat(m.configLoad(cfg)).contains(r.load());
                ImageCheck.config(m, cfg, Files.readAllBytes(d.resolve(cfg)), r.load().protocol());
            }
            for (Dsp dsp : m.dsps().values()) {
                assertThat(ImageCheck.firmware(m, dsp.file(), Files.readAllBytes(d.resolve(dsp.file()))).kind())
                        .isEqualTo(ImageKind.DSP);
            }
        }
    }

    @Test
    void synthesizedNamesFollowThePatterns() {
        PhoneModel st2030 = MATRIX.requireModel("ST2030");
        assertThat(FirmwareNames.application(st2030, Load.of("mgcp", "1.55"))).isEqualTo("v2030MC.000000.1.55.zz");
        assertThat(FirmwareNames.application(st2030, Load.of("sip", "2.67"))).isEqualTo("v2030SG.000000.2.67.zz");
        assertThat(FirmwareNames.application(st2030, Load.of("sip", "1.66.2"))).isEqualTo("v2030SG.081210.1.66.2.zz");
        assertThat(FirmwareNames.config(st2030, Load.of("mgcp", "1.55"))).isEqualTo("TelConf2030MC_v1.55.txt");
        assertThatThrownBy(() -> FirmwareNames.application(st2030, Load.of("sccp", "1.0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ciscoFixturesAreEveryFileOfEveryReleasesImageNamedAsTheMatrixSays() throws Exception {
        PhoneModel c = MATRIX.requireModel("7960");
        assertThat(FirmwareNames.image(c, Load.of("sip", "8.12"))).isEqualTo("P0S3-08-12-00");
        assertThat(FirmwareNames.image(c, Load.of("sccp", "6.3"))).as("a release without a file name")
                .isEqualTo("P00306030000");
        assertThat(FirmwareNames.image(c, Load.of("sccp", "5.0.1.1"))).isEqualTo("P00305000101");
        assertThat(FirmwareNames.image(c, Load.of("sip", "2.3"))).isEqualTo("P0S30203");
        assertThat(FirmwareNames.application(c, Load.of("sip", "8.12"))).isEqualTo("P0S3-08-12-00.loads");
        assertThat(FirmwareFixtures.of(c).writeImageFiles(dir, Load.of("sip", "8.12"))).extracting(p -> p.getFileName()
                .toString()).containsExactly("P0S3-08-12-00.loads", "P003-08-12-00.bin", "P003-08-12-00.sbn",
                        "P0S3-08-12-00.sb2");
        List<Path> all = FirmwareFixtures.of(c).imageSize(100).writeAll(dir.resolve("all"));
        for (Release r : c.releases()) {
            String image = FirmwareNames.image(c, r.load());
            for (String f : c.imageFormat(r.load()).orElseThrow().allFiles(image)) {
                assertThat(all).contains(dir.resolve("all").resolve(f));
                FirmwareImage img = FirmwareImage.parse(Files.readAllBytes(dir.resolve("all").resolve(f)));
                assertThat(img.name()).isEqualTo(f);
                assertThat(img.load()).contains(r.load());
            }
        }
        org.st20xx.firmware.FirmwareInventory inventory = org.st20xx.firmware.FirmwareInventory.scan(dir.resolve("all"),
                MATRIX);
        assertThat(inventory.applications("7960")).as("the inventory reads every release back")
                .containsAll(c.releases().stream().map(Release::load).toList());
    }

    @Test
    void patternExampleWritesVersionComponentsPadded() {
        assertThat(FirmwareNames.PatternExample.of("^P0S3-(?<v1>\\d{2})-(?<v2>\\d{1,2})-(?<v3>\\d{2})$", "8.12"))
                .contains("P0S3-08-12-00");
        assertThat(FirmwareNames.PatternExample.of("^P003(?<v1>\\d{2})(?<v2>\\d{2})(?<v3>\\d{2})(?<v4>\\d{2})$",
                "7.2.3")).contains("P00307020300");
    }

    @Test
    void patternExampleHandlesGroupsQuantifiersAndAlternatives() {
        assertThat(FirmwareNames.PatternExample.of("^a(?:b|c)+d{2}[x-z]?e*\\.(?<version>\\d+)$", "7")).contains("abdd.7");
        assertThat(FirmwareNames.PatternExample.of("(?i)^x(?=y)", "1")).isEmpty();
    }

    @Test
    void sizesAreConfigurableAndTheHelpersBreakAFile() throws IOException {
        PhoneModel m = MATRIX.requireModel("ST2022");
        Path dsp = FirmwareFixtures.of(m).imageSize(1000).writeDsp(dir, m.dsp("v3.10").orElseThrow());
        assertThat(Files.size(dsp)).isBetween(1000L, 1200L);
        Path cfg = FirmwareFixtures.of(m).configSize(10).writeConfig(dir, Load.of("sip", "4.68"));
        assertThat(Files.readString(cfg)).endsWith("\n# TelConf ");

        FirmwareFixtures.corrupt(dsp);
        assertThatThrownBy(() -> ImageCheck.firmware(m, dsp.getFileName().toString(), Files.readAllBytes(dsp)))
                .hasMessage("bad checksum");
        Path other = FirmwareFixtures.of(m).writeDsp(dir.resolve("b"), m.dsp("v3.20").orElseThrow());
        FirmwareFixtures.truncate(other, 100);
        assertThat(Files.size(other)).isEqualTo(100);
    }
}
