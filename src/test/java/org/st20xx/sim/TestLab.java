package org.st20xx.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;

/**
 * A simulated lab for one test: firmware fixtures of the model in {@code tmp/firmware} served by
 * a {@link FixtureTftpServer}, phones with sub-second boots and state files in {@code tmp/state}.
 * Tests observe the phones only through telnet, HTTP and the state files.
 */
final class TestLab implements AutoCloseable {
    static final Duration BOOT = Duration.ofMillis(200);
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String SERVER = "127.0.0.1";

    final Path firmware;
    final Path stateDir;
    final FixtureTftpServer tftp;
    final SimulatedLab lab;
    final PhoneModel model;

    private TestLab(Path firmware, Path stateDir, FixtureTftpServer tftp, SimulatedLab lab, PhoneModel model) {
        this.firmware = firmware;
        this.stateDir = stateDir;
        this.tftp = tftp;
        this.lab = lab;
        this.model = model;
    }

    static TestLab start(Path tmp, String model, String firmware, Consumer<SimConfig.Builder> tweak) throws IOException {
        PhoneModel m = MatrixLoader.loadBuiltIn().requireModel(model);
        Path fw = tmp.resolve("firmware");
        FirmwareFixtures.of(m).imageSize(16 * 1024).writeAll(fw);
        FixtureTftpServer tftp = FixtureTftpServer.start(fw);
        Path state = tmp.resolve("state");
        SimConfig.Builder b = SimConfig.builder(model, firmware).tftpPort(tftp.port()).bootTime(BOOT)
                .stateDir(state).telnetEnabled(true).tftpTimeout(Duration.ofMillis(300)).tftpRetries(2);
        tweak.accept(b);
        try {
            return new TestLab(fw, state, tftp, SimulatedLab.start(b.build()), m);
        } catch (RuntimeException e) {
            tftp.close();
            throw e;
        }
    }

    static TestLab start(Path tmp, String model, String firmware) throws IOException {
        return start(tmp, model, firmware, b -> { });
    }

    InetSocketAddress telnet(int phone) {
        return lab.phone(phone).telnetAddress();
    }

    InetSocketAddress http(int phone) {
        return lab.phone(phone).httpAddress();
    }

    /** Waits until the phone answers telnet, then logs in with the seed's account. */
    TelnetTestClient login(int phone) throws IOException {
        return login(phone, "administrator", "789234");
    }

    TelnetTestClient login(int phone, String user, String password) throws IOException {
        TelnetTestClient c = TelnetTestClient.awaitLogin(telnet(phone), WAIT);
        c.sendLine(user);
        c.readUntil("Password: ", TelnetTestClient.STEP);
        c.sendLine(password);
        c.readUntil(TelnetTestClient.PROMPT, TelnetTestClient.STEP);
        return c;
    }

    /** The phone's state file, read from disk. */
    PhoneState state(int phone) {
        try {
            return PhoneState.read(PhoneState.file(stateDir, phone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the state file until {@code condition} holds. */
    PhoneState awaitState(int phone, String what, Predicate<PhoneState> condition) {
        PhoneState[] last = new PhoneState[1];
        Await.until("phone " + phone + " " + what, WAIT, () -> {
            try {
                last[0] = PhoneState.read(PhoneState.file(stateDir, phone));
                return condition.test(last[0]);
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return last[0];
    }

    /** Waits for the phone to come back up from its {@code reboots}-th boot. */
    PhoneState awaitBoot(int phone, int reboots) {
        return awaitState(phone, "to finish boot " + reboots, s -> s.reboots() >= reboots && !s.state().equals("booting"));
    }

    String app(String protocolVersion) {
        return FirmwareNames.application(model, org.st20xx.matrix.Load.of(protocolVersion.split(":")[0],
                protocolVersion.split(":")[1]));
    }

    String config(String protocolVersion) {
        return FirmwareNames.config(model, org.st20xx.matrix.Load.of(protocolVersion.split(":")[0],
                protocolVersion.split(":")[1]));
    }

    boolean hasFirmware(String file) {
        return Files.isRegularFile(firmware.resolve(file));
    }

    @Override
    public void close() {
        lab.close();
        tftp.close();
    }
}
