package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;

class HopFilesTest {
    private static final PhoneModel C7960 = MatrixLoader.loadBuiltIn().requireModel("7960");
    private static final String MAC = "001A2B3C4D5E";

    private static HopFiles hop(String from, String to, String image) {
        String[] f = from.split(":");
        String[] t = to.split(":");
        return HopFiles.of(C7960, MAC, Load.of(f[0], f[1]), Load.of(t[0], t[1]), image);
    }

    @Test
    void sipToSccpWritesTheFilesOfBothSidesEachNamingTheImage() {
        HopFiles h = hop("sip:4.4", "sccp:6.3", "P00306030000");
        assertThat(h.names()).containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf",
                "SEP001A2B3C4D5E.cnf.xml");
        assertThat(h.files()).allSatisfy(f -> assertThat(f.names()).isEqualTo("P00306030000"));
        assertThat(h.file("SIPDefault.cnf").orElseThrow().shared()).isTrue();
        assertThat(h.file("SIP001A2B3C4D5E.cnf").orElseThrow().shared()).isFalse();
        assertThat(h.imageFiles()).as("a phone below 5.0 takes the nonsecure loader")
                .containsExactly("P00306030000.loads", "P00306030000.bin", "P00306030000.sb2");
    }

    @Test
    void osTxtOfAUniversalSipImageNamesItsLoaderAndSecureLoaderFrom5() {
        HopFiles h = hop("sccp:8.0.4", "sip:7.4", "P0S3-07-4-00");
        assertThat(h.file("OS79XX.TXT").orElseThrow().render()).isEqualTo("P003-07-4-00\n");
        assertThat(h.file("SIPDefault.cnf").orElseThrow().render()).isEqualTo("image_version: P0S3-07-4-00\n");
        assertThat(h.file("SEP001A2B3C4D5E.cnf.xml").orElseThrow().render()).contains(">P0S3-07-4-00<");
        assertThat(h.imageFiles()).containsExactly("P0S3-07-4-00.loads", "P003-07-4-00.sbn", "P0S3-07-4-00.sb2");
    }

    @Test
    void sccpToSccpNeedsNoSipFileAndXmlDefaultIsNeverWritten() {
        assertThat(hop("sccp:6.3", "sccp:8.0.4", "P00308000400").names())
                .containsExactly("OS79XX.TXT", "SEP001A2B3C4D5E.cnf.xml");
    }

    @Test
    void sipDefaultIsImageOnlyWhenASip2PhoneReadsIt() {
        assertThat(hop("sip:2.2", "sip:2.3", "P0S30203").file("SIPDefault.cnf").orElseThrow().imageOnly()).isTrue();
        assertThat(hop("sccp:3.0", "sip:2.3", "P0S30203").file("SIPDefault.cnf").orElseThrow().imageOnly()).isTrue();
        assertThat(hop("sip:2.3", "sip:4.4", "P0S3-04-4-00").file("SIPDefault.cnf").orElseThrow().imageOnly()).isTrue();
        assertThat(hop("sip:4.4", "sip:7.4", "P0S3-07-4-00").file("SIPDefault.cnf").orElseThrow().imageOnly()).isFalse();
        HopFiles.ProvisionFile f = hop("sip:4.4", "sip:7.4", "P0S3-07-4-00").file("SIPDefault.cnf").orElseThrow();
        assertThat(f.update("proxy1_address: x\nimage_version: P0S3-04-4-00\n", C7960))
                .isEqualTo("proxy1_address: x\nimage_version: P0S3-07-4-00\n");
        HopFiles.ProvisionFile small = hop("sip:2.2", "sip:2.3", "P0S30203").file("SIPDefault.cnf").orElseThrow();
        assertThat(small.update("proxy1_address: x\nimage_version: P0S30202\n", C7960)).isEqualTo("image_version: P0S30203\n");
    }

    @Test
    void sipPhonesReadTheirConfigurationBeforeActingOnTheImage() {
        BootSequence seq = BootSequence.of(hop("sip:4.4", "sccp:6.3", "P00306030000"), n -> false);
        assertThat(seq.fileOrder()).as("seed 001 W210: a SIP 2.x phone needs SIPDefault.cnf to get newer software")
                .containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf", "P00306030000.loads",
                        "P00306030000.bin", "P00306030000.sb2", "OS79XX.TXT", "SEP001A2B3C4D5E.cnf.xml");
        assertThat(seq.steps().get(3)).isInstanceOfSatisfying(BootSequence.Install.class,
                i -> assertThat(i.onto()).isEqualTo(Load.of("sccp", "6.3")));
    }

    @Test
    void aLegacySccpPhoneActsRightAfterOsTxtSoItsOwnFileIsNotWritten() {
        HopFiles h = hop("sccp:5.0.1.1", "sip:5.0", "P0S3-05-0-00");
        assertThat(h.names()).containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf");
        assertThat(BootSequence.of(h, n -> false).fileOrder()).containsExactly("OS79XX.TXT", "P0S3-05-0-00.bin",
                "OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf", "RINGLIST.DAT");
    }

    @Test
    void theSeedTftpLogOfASipBoot() {
        BootSequence seq = BootSequence.of(hop("sccp:3.0", "sip:1.0", "P0S30100"), n -> false);
        assertThat(seq.fileOrder()).as("seed 003's TFTP log, ring tones aside").containsExactly("OS79XX.TXT",
                "P0S30100.bin", "OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf", "RINGLIST.DAT");
        assertThat(seq.steps()).filteredOn(s -> s instanceof BootSequence.Request r && !r.provided())
                .singleElement().satisfies(s -> assertThat(((BootSequence.Request) s).file()).isEqualTo("RINGLIST.DAT"));
    }

    @Test
    void universalPhonesDecideAfterTheirConfigurationAndFallBackToXmlDefault() {
        BootSequence sip = BootSequence.of(hop("sip:7.4", "sccp:8.0.4", "P00308000400"), n -> false);
        assertThat(sip.fileOrder()).containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP001A2B3C4D5E.cnf",
                "P00308000400.loads", "P00308000400.sbn", "P00308000400.sb2", "OS79XX.TXT", "SEP001A2B3C4D5E.cnf.xml");
        HopFiles h = hop("sccp:8.0.4", "sip:7.4", "P0S3-07-4-00");
        HopFiles withoutSep = new HopFiles(h.model(), h.mac(), h.from(), h.to(), h.image(), h.format(),
                h.files().stream().filter(f -> !f.name().startsWith("SEP")).toList(), h.imageFiles());
        assertThat(BootSequence.of(withoutSep, Set.of("XMLDefault.cnf.xml")::contains).fileOrder())
                .as("asks for its own file, then the default, and decides after the default")
                .startsWith("OS79XX.TXT", "SEP001A2B3C4D5E.cnf.xml", "XMLDefault.cnf.xml", "P0S3-07-4-00.loads");
        assertThat(List.of(BootSequence.of(h, n -> false).fileOrder().get(1))).containsExactly("SEP001A2B3C4D5E.cnf.xml");
    }
}
