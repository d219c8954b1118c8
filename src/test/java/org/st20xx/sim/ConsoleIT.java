package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.MatrixLoader;

/** The console dialogue of docs/assumptions.md A-1 to A-10, byte for byte where it matters. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleIT {
    static final String APP = "v2030SG.081210.1.66.2.zz";
    static final String START_APP = "v2030SG.000000.2.67.zz";

    @TempDir
    Path tmp;
    TestLab lab;

    @BeforeEach
    void start() throws IOException {
        lab = TestLab.start(tmp, "ST2030", "sip:2.67");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private String tftp(TelnetTestClient c, String file) throws IOException {
        return c.command("tftp " + TestLab.SERVER + " " + file);
    }

    private void assertFlashUnchanged() {
        PhoneState s = lab.state(1);
        assertThat(s.flashApp()).isEqualTo(START_APP);
        assertThat(s.flashDsp()).isEqualTo("v2030_dsp_v310_r11.1.zz");
    }

    @Test
    void offersEchoAndSuppressGoAheadThenPromptsForLogin() throws IOException {
        try (TelnetTestClient c = TelnetTestClient.connect(lab.telnet(1))) {
            assertThat(c.readUntil("Login: ", TelnetTestClient.STEP)).isEqualTo("Login: ");
            assertThat(c.negotiations()).containsExactly("WILL 1", "WILL 3");
        }
    }

    @Test
    void survivesTheClientsOwnOptionsAndSubnegotiations() throws IOException {
        try (TelnetTestClient c = TelnetTestClient.connect(lab.telnet(1))) {
            c.readUntil("Login: ", TelnetTestClient.STEP);
            // WILL NAWS, SB NAWS 80x24 SE, WILL TTYPE, DO STATUS, SB with an escaped IAC, NOP, AYT
            c.sendBytes(new byte[] {(byte) 255, (byte) 251, 31, (byte) 255, (byte) 250, 31, 0, 80, 0, 24, (byte) 255,
                (byte) 240, (byte) 255, (byte) 251, 24, (byte) 255, (byte) 253, 5, (byte) 255, (byte) 250, 24, 0,
                (byte) 255, (byte) 255, (byte) 255, (byte) 240, (byte) 255, (byte) 241, (byte) 255, (byte) 246});
            c.sendLine("administrator");
            c.readUntil("Password: ", TelnetTestClient.STEP);
            c.sendLine("789234");
            c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP);
            assertThat(c.negotiations()).contains("DONT 31", "DONT 24", "WONT 5");
            assertThat(c.command("sys info")).startsWith("Model: ST2030 hw5");
        }
    }

    @Test
    void echoesWhatIsTypedExceptThePasswordWhenTheClientAcceptsEcho() throws IOException {
        try (TelnetTestClient c = TelnetTestClient.connect(lab.telnet(1), true)) {
            c.readUntil("Login: ", TelnetTestClient.STEP);
            c.sendLine("administrator");
            assertThat(c.readUntil("Password: ", TelnetTestClient.STEP)).isEqualTo("administrator\r\nPassword: ");
            c.sendLine("789234");
            assertThat(c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP)).isEqualTo("\r\n[administrator]# ");
            c.send("sys inx\bfo\r\n");
            assertThat(c.readUntil("Version", TelnetTestClient.STEP)).startsWith("sys inx\b \bfo\r\nModel: ST2030 hw5\r\n");
            assertThat(c.received()).doesNotContain("789234");
        }
    }

    @Test
    void acceptsCrCrLfCrNulAndLfLineEnds() throws IOException {
        try (TelnetTestClient c = TelnetTestClient.connect(lab.telnet(1))) {
            c.readUntil("Login: ", TelnetTestClient.STEP);
            c.send("administrator\r");
            c.readUntil("Password: ", TelnetTestClient.STEP);
            c.send("789234\r\0");
            c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP);
            c.send("sys set rel 0\n");
            assertThat(c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP)).isEqualTo("rel = 0\r\n[administrator]# ");
            c.send("ffs commit\r\n");
            assertThat(c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP)).isEqualTo("FFS: commit done\r\n[administrator]# ");
            c.send("\r\n");
            assertThat(c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP)).isEqualTo("[administrator]# ");
        }
    }

    @Test
    void threeWrongPasswordsCloseTheConnection() throws IOException {
        try (TelnetTestClient c = TelnetTestClient.connect(lab.telnet(1))) {
            for (int i = 0; i < 3; i++) {
                c.readUntil("Login: ", TelnetTestClient.STEP);
                c.sendLine("administrator");
                c.readUntil("Password: ", TelnetTestClient.STEP);
                c.sendLine("784518");
                c.readUntil("Login incorrect\r\n", TelnetTestClient.STEP);
            }
            assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
            assertThat(c.received()).doesNotContain("]#");
        }
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(c.command("sys info")).contains("Protocol: SIP");
        }
    }

    @Test
    void wrongUserIsIncorrectToo() throws IOException {
        try (TelnetTestClient c = TelnetTestClient.connect(lab.telnet(1))) {
            c.readUntil("Login: ", TelnetTestClient.STEP);
            c.sendLine("admin");
            c.readUntil("Password: ", TelnetTestClient.STEP);
            c.sendLine("789234");
            assertThat(c.readUntil("Login: ", TelnetTestClient.STEP)).isEqualTo("Login incorrect\r\nLogin: ");
        }
    }

    @Test
    void unknownCommandsAndWrongArgumentsAnswerOneErrorLine() throws IOException {
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(c.command("foo")).isEqualTo("Error: unknown command 'foo'");
            assertThat(c.command("Reboot")).as("commands are lower case").isEqualTo("Error: unknown command 'Reboot'");
            assertThat(c.command("tftp")).isEqualTo("Error: usage: tftp <server> <file>");
            assertThat(c.command("tftp 127.0.0.1")).isEqualTo("Error: usage: tftp <server> <file>");
            assertThat(c.command("tftp2 127.0.0.1 x.txt")).isEqualTo("Error: usage: tftp2 telcfg <server> <file>");
            assertThat(c.command("sys")).isEqualTo("Error: usage: sys info | sys set rel <n>");
            assertThat(c.command("sys set rel")).isEqualTo("Error: usage: sys info | sys set rel <n>");
            assertThat(c.command("ffs")).isEqualTo("Error: usage: ffs format | ffs commit");
            assertThat(c.command("flash clean")).isEqualTo("Error: usage: flash clean nmm");
            assertThat(c.command("reboot now")).isEqualTo("Error: usage: reboot [immediate]");
            assertThat(c.command("exit now")).isEqualTo("Error: usage: exit");
            assertThat(lab.state(1).reboots()).isZero();
            c.sendLine("exit");
            assertThat(c.awaitClosed(TelnetTestClient.STEP)).isTrue();
        }
    }

    @Test
    void refusesTftpServersOffLoopbackWithoutSendingAPacket() throws IOException {
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(c.command("tftp 192.168.200.10 " + APP)).isEqualTo(
                    "Error: server 192.168.200.10 is not on loopback (the simulator pulls only from 127.0.0.0/8)");
            assertThat(c.command("tftp tftp.example.com " + APP)).isEqualTo("Error: bad server address 'tftp.example.com'");
            assertThat(c.command("tftp 127.0.0.300 " + APP)).isEqualTo("Error: bad server address '127.0.0.300'");
        }
        assertThat(lab.tftp.requests()).isEmpty();
        assertFlashUnchanged();
    }

    @Test
    void missingFileIsADownloadFailure() throws IOException {
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(tftp(c, "v2030SG.081210.1.66.9.zz")).isEqualTo(
                    "TFTP: downloading v2030SG.081210.1.66.9.zz from 127.0.0.1\nError: download failed (File not found)");
        }
        assertFlashUnchanged();
    }

    @Test
    void transferCutMidwayIsIncomplete() throws IOException {
        lab.tftp.stallAfter(APP, 3);
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(tftp(c, APP)).isEqualTo("TFTP: downloading " + APP + " from 127.0.0.1\nError: download incomplete");
        }
        assertFlashUnchanged();
    }

    @Test
    void corruptedAndTruncatedImagesFailTheChecksum() throws IOException {
        FirmwareFixtures.corrupt(lab.firmware.resolve(APP));
        FirmwareFixtures.truncate(lab.firmware.resolve("ST2030_dsp_v101.zz"), 5000);
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(tftp(c, APP)).endsWith("bytes received\nError: image rejected (bad checksum)");
            assertThat(tftp(c, "ST2030_dsp_v101.zz")).isEqualTo("TFTP: downloading ST2030_dsp_v101.zz from 127.0.0.1\n"
                    + "TFTP: 5000 bytes received\nError: image rejected (bad checksum)");
        }
        assertFlashUnchanged();
    }

    @Test
    void imagesOfAnotherModelOrUnknownNamesAreRejected() throws IOException {
        FirmwareFixtures.of(MatrixLoader.loadBuiltIn().requireModel("ST2022")).writeAll(lab.firmware);
        FirmwareFixtures.writeImage(lab.firmware, "v2030SG.090101.1.66.3.zz", new FirmwareImage("ST2022",
                ImageKind.APPLICATION, Optional.of(Load.of("sip", "1.66.3")), "v2030SG.090101.1.66.3.zz", 0), new byte[100]);
        java.nio.file.Files.copy(lab.firmware.resolve(APP), lab.firmware.resolve("firmware.bin"));
        java.nio.file.Files.copy(lab.firmware.resolve("ST2030_dsp_v101.zz"), lab.firmware.resolve("ST2030_dsp_v102.zz"));
        java.nio.file.Files.copy(lab.firmware.resolve(APP), lab.firmware.resolve("v2030SG.081210.1.66.3.zz"));
        java.nio.file.Files.write(lab.firmware.resolve("garbage.zz"), new byte[2000]);
        try (TelnetTestClient c = lab.login(1)) {
            assertThat(tftp(c, "v2022SG.081010.3.65.1.zz")).endsWith("Error: image rejected (image for ST2022, this phone is an ST2030)");
            assertThat(tftp(c, "v2030SG.090101.1.66.3.zz")).endsWith("Error: image rejected (image for ST2022, this phone is an ST2030)");
            assertThat(tftp(c, "firmware.bin")).endsWith("Error: image rejected (unknown image firmware.bin)");
            assertThat(tftp(c, "ST2030_dsp_v102.zz")).endsWith("Error: image rejected (unknown image ST2030_dsp_v102.zz)");
            assertThat(tftp(c, "v2030SG.081210.1.66.3.zz")).endsWith(
                    "Error: image rejected (v2030SG.081210.1.66.3.zz does not hold what its name says (its header names " + APP + "))");
            assertThat(tftp(c, "garbage.zz")).endsWith("Error: image rejected (unknown image format)");
            assertThat(tftp(c, "TelConf2030SG_v1.66.2.txt")).endsWith(
                    "Error: image rejected (TelConf2030SG_v1.66.2.txt is a configuration file (load it with tftp2 telcfg))");
        }
        assertFlashUnchanged();
    }

    @Test
    void telConfMustBeOfThisModelAndTheRunningProtocol() throws IOException {
        FirmwareFixtures.of(MatrixLoader.loadBuiltIn().requireModel("ST2022")).writeAll(lab.firmware);
        try (TelnetTestClient c = lab.login(1)) {
            String cfg = "tftp2 telcfg " + TestLab.SERVER + " ";
            assertThat(c.command(cfg + lab.config("mgcp:1.55"))).endsWith(
                    "Error: configuration rejected (configuration for MGCP, the phone runs SIP)");
            assertThat(c.command(cfg + "TelConf2022SG_v3.65.1.txt")).endsWith(
                    "Error: configuration rejected (configuration for ST2022, this phone is an ST2030)");
            assertThat(c.command(cfg + APP)).endsWith("Error: configuration rejected (" + APP + " is not a configuration file)");
            assertThat(lab.state(1).config()).isEqualTo("TelConf2030SG_v2.67.txt");
            long size = java.nio.file.Files.size(lab.firmware.resolve("TelConf2030SG_v1.66.2.txt"));
            assertThat(c.command(cfg + "TelConf2030SG_v1.66.2.txt")).isEqualTo(
                    "TFTP: downloading TelConf2030SG_v1.66.2.txt from 127.0.0.1\nTFTP: " + size + " bytes received\n"
                    + "Config: TelConf2030SG_v1.66.2.txt stored");
        }
        assertThat(lab.state(1).config()).isEqualTo("TelConf2030SG_v1.66.2.txt");
    }

    @Test
    void successfulDownloadsPrintWhatA6Says() throws IOException {
        try (TelnetTestClient c = lab.login(1)) {
            long size = java.nio.file.Files.size(lab.firmware.resolve(APP));
            assertThat(tftp(c, APP)).isEqualTo("TFTP: downloading " + APP + " from 127.0.0.1\nTFTP: " + size
                    + " bytes received\nFlash: writing application image... done");
            assertThat(c.command("sys info")).as("sys info shows what runs, not what is staged").contains(
                    "Application: " + START_APP, "Version: 2.67");
        }
        assertThat(lab.state(1).flashApp()).isEqualTo(APP);
        assertThat(lab.state(1).app()).isEqualTo(START_APP);
    }

    @Test
    void turnsAwaySessionsBeyondTheLimit() throws IOException {
        TelnetTestClient[] open = new TelnetTestClient[SimulatedPhone.MAX_SESSIONS];
        try {
            for (int i = 0; i < open.length; i++) {
                open[i] = lab.login(1);
            }
            try (TelnetTestClient extra = TelnetTestClient.connect(lab.telnet(1))) {
                assertThat(extra.awaitClosed(TelnetTestClient.STEP)).isTrue();
                assertThat(extra.received()).isEqualTo("Error: too many telnet sessions\r\n");
            }
            open[0].sendLine("exit");
            assertThat(open[0].awaitClosed(TelnetTestClient.STEP)).isTrue();
            try (TelnetTestClient again = lab.login(1)) {
                assertThat(again.command("sys info")).contains("Model: ST2030");
            }
        } finally {
            for (TelnetTestClient c : open) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }
}
