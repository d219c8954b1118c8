package org.st20xx.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.St20xxException;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;

class FirmwareInventoryTest {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();

    @Test
    void placesEachFileByTheMatrixPatterns(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"v2030SG.081210.1.66.2.zz", "ST2030_dsp_v101.zz", "TelConf2030SG_v1.66.2.txt",
            "v2022MC.070806.3.55.2.zz", "README.txt"}) {
            Files.writeString(dir.resolve(f), "x");
        }
        FirmwareInventory inv = FirmwareInventory.scan(dir, MATRIX);
        assertThat(inv.application("ST2030", Load.of("sip", "1.66.2"))).map(FirmwareFile::name)
                .contains("v2030SG.081210.1.66.2.zz");
        assertThat(inv.config("ST2030", Load.of("sip", "1.66.2"))).isPresent();
        assertThat(inv.dsp("ST2030", "v1.01-common")).isPresent();
        assertThat(inv.applications("ST2022")).containsExactly(Load.of("mgcp", "3.55.2"));
        assertThat(inv.warnings()).singleElement().satisfies(w ->
                assertThat(w).startsWith("README.txt: not recognised"));
    }

    @Test
    void warnsAboutFilesItCannotPlace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("st2030_DSP_v101.zz"), "x");
        Files.writeString(dir.resolve("ST2030_dsp_v999.zz"), "x");
        Files.writeString(dir.resolve("v2030SG.081210.2.60.zz"), "x");
        Files.createDirectory(dir.resolve("old"));
        FirmwareInventory inv = FirmwareInventory.scan(dir, MATRIX);
        assertThat(inv.files()).isEmpty();
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).contains("differs only by letter case from the ST2030 DSP ST2030_dsp_v101.zz"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).contains("ST2030_dsp_v999.zz: looks like a ST2030 DSP"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).contains("SIP 2.60 is not in the matrix"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).startsWith("old/: subdirectory ignored"));
    }

    @Test
    void aMissingDirectoryIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> FirmwareInventory.scan(dir.resolve("nope"), MATRIX))
                .isInstanceOf(St20xxException.class).hasMessageContaining("not a directory");
    }

    @Test
    void aCiscoImageBelongsToTheModelsThatShareItWithItsPartsAndTheBootFiles(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"P0S3-07-4-00.loads", "P003-07-4-00.sbn", "P003-07-4-00.bin", "P0S3-07-4-00.sb2",
            "P00305000101.bin", "OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf", "SEP001A2B3C4D5E.cnf.xml",
            "XMLDefault.cnf.xml", "RINGLIST.DAT"}) {
            Files.writeString(dir.resolve(f), "x");
        }
        FirmwareInventory inv = FirmwareInventory.scan(dir, MATRIX);
        assertThat(inv.warnings()).isEmpty();
        for (String model : new String[] {"7940", "7960"}) {
            assertThat(inv.applications(model)).containsExactly(Load.of("sccp", "5.0.1.1"), Load.of("sip", "7.4"));
            assertThat(inv.application(model, Load.of("sip", "7.4"))).map(FirmwareFile::name).contains("P0S3-07-4-00.loads");
            assertThat(inv.of(model)).filteredOn(f -> f.kind() == FirmwareFile.Kind.PART).extracting(FirmwareFile::name)
                    .containsExactlyInAnyOrder("P003-07-4-00.sbn", "P003-07-4-00.bin", "P0S3-07-4-00.sb2");
            assertThat(inv.of(model)).filteredOn(f -> f.kind() == FirmwareFile.Kind.PROVISIONING).hasSize(6);
        }
        assertThat(inv.of("ST2030")).isEmpty();
    }

    @Test
    void warnsAboutCiscoNamesItCannotUse(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("P0S3-07-4-00.bin"), "x");
        Files.writeString(dir.resolve("P003-08-12-00.sbn"), "x");
        Files.writeString(dir.resolve("P0S3-09-1-00.loads"), "x");
        FirmwareInventory inv = FirmwareInventory.scan(dir, MATRIX);
        assertThat(inv.files()).isEmpty();
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).startsWith("P0S3-07-4-00.bin: reads as 7960 SIP 7.4 but"
                + " that image is installed from P0S3-07-4-00.loads"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).startsWith("P003-08-12-00.sbn: not recognised"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).startsWith("P0S3-09-1-00.loads: not recognised"));
    }
}
