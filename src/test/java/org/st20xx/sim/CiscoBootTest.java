package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.st20xx.cisco.BootSequence;
import org.st20xx.cisco.HopFiles;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;

/**
 * The decisions of one Cisco boot over an in-memory TFTP root: what the phone asks for, in which
 * order, and how the boot ends. The loopback version of the same cases is {@code CiscoBootIT}.
 */
class CiscoBootTest {
    private static final PhoneModel M = MatrixLoader.loadBuiltIn().requireModel("7960");
    private static final String MAC = "001A2B3C4D5E";

    /** A TFTP root in memory that records what is asked for. */
    private static final class Root implements CiscoBoot.Fetcher {
        final Map<String, byte[]> files = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        Root text(String name, String content) {
            files.put(name, content.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Root image(String protocol, String version) {
            Load load = Load.of(protocol, version);
            for (String f : M.imageFormat(load).orElseThrow().allFiles(FirmwareNames.image(M, load))) {
                files.put(f, FirmwareImage.build(M.name(), ImageKind.APPLICATION, Optional.of(load), f, new byte[700]));
            }
            return this;
        }

        @Override
        public CiscoBoot.Fetched fetch(String file, boolean abort) {
            asked.add(file + (abort ? " (aborted)" : ""));
            byte[] b = files.get(file);
            return new CiscoBoot.Fetched(abort ? null : b, b == null);
        }
    }

    private static CiscoBoot.Outcome boot(Root root, String running, String flashImage) {
        String[] pv = running.split(":");
        return CiscoBoot.run(M, MAC, Load.of(pv[0], pv[1]), Optional.ofNullable(flashImage),
                model -> model.equals("7960") || model.equals("7940"), root);
    }

    private static Optional<String> display(CiscoBoot.Outcome o) {
        assertThat(o).isInstanceOf(CiscoBoot.Stay.class);
        return ((CiscoBoot.Stay) o).display();
    }

    @Test
    void sccp5TakesTheImageOs79xxNamesByItsLoaderInTheOrderProvisionAnnounces() {
        Root root = new Root().text("OS79XX.TXT", "P003-08-12-00\n").image("sip", "8.12");
        CiscoBoot.Outcome o = boot(root, "sccp:5.0.1.1", "P00305000101");
        assertThat(o).isEqualTo(new CiscoBoot.Install("P0S3-08-12-00", Load.of("sip", "8.12"), Optional.empty()));
        HopFiles hop = HopFiles.of(M, MAC, Load.of("sccp", "5.0.1.1"), Load.of("sip", "8.12"), "P0S3-08-12-00");
        List<String> announced = BootSequence.of(hop, n -> false).fileOrder();
        assertThat(root.asked).isEqualTo(announced.subList(0, root.asked.size()))
                .containsExactly("OS79XX.TXT", "P0S3-08-12-00.loads", "P003-08-12-00.sbn", "P0S3-08-12-00.sb2");
    }

    @Test
    void afterTheRebootThePhoneFindsItsOwnImageAndReadsEveryFile() {
        Root root = new Root().text("OS79XX.TXT", "P003-08-12-00\n").text("SIPDefault.cnf", "image_version: P0S3-08-12-00\n")
                .text("SIP" + MAC + ".cnf", "image_version: P0S3-08-12-00\n");
        CiscoBoot.Outcome o = boot(root, "sip:8.12", "P0S3-08-12-00");
        assertThat(o).isEqualTo(new CiscoBoot.Stay(Optional.empty(), Optional.of("SIP" + MAC + ".cnf")));
        assertThat(root.asked).containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP" + MAC + ".cnf", "RINGLIST.DAT");
    }

    @Test
    void theMacFileOverridesSipDefaultAndOs79xx() {
        Root root = new Root().text("OS79XX.TXT", "P003-07-4-00\n").text("SIPDefault.cnf", "image_version: P0S3-07-4-00\n")
                .text("SIP" + MAC + ".cnf", "image_version: \"P0S3-07-1-00\" ; per phone\n").image("sip", "7.1");
        assertThat(boot(root, "sip:7.4", "P0S3-07-4-00"))
                .isEqualTo(new CiscoBoot.Install("P0S3-07-1-00", Load.of("sip", "7.1"), Optional.empty()));
    }

    @Test
    void aTrailingSpaceInOs79xxLeavesThePhoneUnprovisionedAskingForTheNameWithTheSpace() {
        Root root = new Root().text("OS79XX.TXT", "P0S3-04-4-00 \n").image("sip", "4.4");
        assertThat(display(boot(root, "sccp:4.0", "P00304000000"))).contains(CiscoBoot.UNPROVISIONED);
        assertThat(root.asked).containsExactly("OS79XX.TXT", "P0S3-04-4-00 .bin");
    }

    @Test
    void aSipDefaultWithMoreThanTheImageLineIsTooLargeForSip2() {
        Root root = new Root().text("OS79XX.TXT", "P0S30203\n")
                .text("SIPDefault.cnf", "image_version: P0S30203\nproxy1_address: 192.0.2.10\n").image("sip", "2.3");
        assertThat(display(boot(root, "sip:2.2", "P0S30202"))).contains(CiscoBoot.BUFFER_FULL);
        assertThat(root.asked).containsExactly("OS79XX.TXT", "SIPDefault.cnf");
        root.asked.clear();
        boot(root, "sip:4.4", "P0S3-04-4-00");
        assertThat(root.asked).as("SIP 3.0 and later read a larger one and go on").contains("SIP" + MAC + ".cnf");
    }

    @Test
    void aPhoneOn50RefusesAnImageBelow50AfterFetchingIt() {
        Root root = new Root().text("SIP" + MAC + ".cnf", "image_version: P0S3-04-4-00\n").image("sip", "4.4");
        assertThat(display(boot(root, "sip:5.0", "P0S3-05-0-00"))).contains(CiscoBoot.IMAGE_AUTHENTICATION_FAILED);
        assertThat(root.asked).contains("P0S3-04-4-00.bin");
    }

    @Test
    void aCorruptedOrForeignImageFailsAuthentication() {
        Root root = new Root().text("OS79XX.TXT", "P0S3-04-4-00\n").image("sip", "4.4");
        byte[] b = root.files.get("P0S3-04-4-00.bin");
        b[b.length - 3] ^= 1;
        assertThat(display(boot(root, "sip:2.3", "P0S30203"))).contains(CiscoBoot.IMAGE_AUTHENTICATION_FAILED);
        root.image("sip", "4.4").files.put("P0S3-04-4-00.bin", FirmwareImage.build("ST2030", ImageKind.APPLICATION,
                Optional.of(Load.of("sip", "4.4")), "P0S3-04-4-00.bin", new byte[10]));
        assertThat(display(boot(root, "sip:2.3", "P0S30203"))).contains(CiscoBoot.IMAGE_AUTHENTICATION_FAILED);
    }

    @Test
    void oldSccpToSip4FailsItsTransfersWithAStateErrorThreeTimes() {
        Root root = new Root().text("OS79XX.TXT", "P0S3-04-4-00\n").image("sip", "4.4");
        assertThat(display(boot(root, "sccp:4.0", "P00304000000"))).contains("State Error");
        assertThat(root.asked).containsExactly("OS79XX.TXT", "P0S3-04-4-00.bin (aborted)", "P0S3-04-4-00.bin (aborted)",
                "P0S3-04-4-00.bin (aborted)");
    }

    @Test
    void aForbiddenRebootWithoutFailsAsBricksThePhone() {
        Root root = new Root().text("SIP" + MAC + ".cnf", "image_version: P00308000400\n").image("sccp", "8.0.4");
        CiscoBoot.Outcome o = boot(root, "sip:4.4", "P0S3-04-4-00");
        assertThat(o).isInstanceOf(CiscoBoot.Install.class);
        assertThat(((CiscoBoot.Install) o).brick()).hasValueSatisfying(r -> assertThat(r).contains("to-sccp-6-through-6.3"));
    }

    @Test
    void missingImageFilesAndUnknownNamesAreProtocolApplicationInvalid() {
        Root root = new Root().text("OS79XX.TXT", "P003-07-4-00\n").image("sip", "7.4");
        root.files.remove("P0S3-07-4-00.sb2");
        assertThat(display(boot(root, "sccp:5.0.1.1", "P00305000101"))).contains(CiscoBoot.PROTOCOL_APPLICATION_INVALID);
        Root unknown = new Root().text("SIP" + MAC + ".cnf", "image_version: P0S3-02-2-00\n");
        assertThat(display(boot(unknown, "sip:4.4", "P0S3-04-4-00"))).contains(CiscoBoot.PROTOCOL_APPLICATION_INVALID);
        Root os = new Root().text("OS79XX.TXT", "P0S3-02-2-00\n");
        assertThat(display(boot(os, "sccp:5.0.1.1", "P00305000101"))).as("a name of no known format in OS79XX.TXT")
                .contains(CiscoBoot.UNPROVISIONED);
    }

    @Test
    void nothingNamedKeepsTheImageButAnEmptyFlashShowsNoLoadSpecified() {
        Root root = new Root().text("SIPDefault.cnf", "proxy1_address: 192.0.2.10\n");
        assertThat(display(boot(root, "sip:7.4", "P0S3-07-4-00"))).isEmpty();
        assertThat(display(boot(root, "sip:7.4", null))).contains(CiscoBoot.NO_LOAD_SPECIFIED);
    }

    @Test
    void aLoadWithoutADecisionPointDecidesAfterItsLastRequest() throws Exception {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("firmware-matrix.yaml"))
                .replace("- { versions: \"[1.0, 9.0)\", file: \"SIP{MAC}.cnf\" }",
                        "- { versions: \"[1.0, 7.0)\", file: \"SIP{MAC}.cnf\" }")
                .lines().filter(l -> !l.contains("version: \"7.1\"") && !l.contains("version: \"7.4\""))
                .collect(java.util.stream.Collectors.joining("\n"));
        PhoneModel m = MatrixLoader.parse(yaml, "m.yaml").requireModel("7960");
        assertThat(m.bootProfile("sip").orElseThrow().decisionPoint(Load.of("sip", "8.12").version())).isEmpty();
        Root root = new Root().text("SIP" + MAC + ".cnf", "image_version: P0S3-07-4-00\n").image("sip", "7.4");
        CiscoBoot.Outcome o = CiscoBoot.run(m, MAC, Load.of("sip", "8.12"), Optional.of("P0S3-08-12-00"), x -> true, root);
        assertThat(o).isEqualTo(new CiscoBoot.Install("P0S3-07-4-00", Load.of("sip", "7.4"), Optional.empty()));
        assertThat(root.asked.subList(0, 4)).as("every request first, RINGLIST.DAT included")
                .containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP" + MAC + ".cnf", "RINGLIST.DAT");
    }

    @Test
    void sccp6FallsBackToXmlDefaultAndDecidesThere() {
        Root root = new Root().text("XMLDefault.cnf.xml",
                "<Default><loadInformation7>P00308000400</loadInformation7></Default>\n").image("sccp", "8.0.4");
        assertThat(boot(root, "sccp:7.2.3", "P00307020300"))
                .isEqualTo(new CiscoBoot.Install("P00308000400", Load.of("sccp", "8.0.4"), Optional.empty()));
        assertThat(root.asked.subList(0, 3)).containsExactly("OS79XX.TXT", "SEP" + MAC + ".cnf.xml", "XMLDefault.cnf.xml");
    }
}
