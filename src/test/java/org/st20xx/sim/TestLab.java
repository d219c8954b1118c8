package org.st20xx.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SERVER = SeedProcedure.SERVER;

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
                .stateDir(state).telnetEnabled(true).tftpTimeout(Duration.ofSeconds(1)).tftpRetries(2);
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
        return TelnetTestClient.awaitLoggedIn(telnet(phone), user, password, WAIT);
    }

    /** The phone's state file, read from disk. */
    PhoneState state(int phone) {
        try {
            return PhoneState.read(stateFile(phone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path stateFile(int phone) {
        return PhoneState.file(stateDir, phone);
    }

    /** Polls the state file until {@code condition} holds. */
    PhoneState awaitState(int phone, String what, Predicate<PhoneState> condition) {
        return Await.state(stateFile(phone), what, WAIT, condition);
    }

    /** One whole seed 000 hop on phone {@code phone}. */
    PhoneState hop(int phone, String app, String dsp, String config, String[] from, String[] to) throws IOException {
        return SeedProcedure.hop(telnet(phone), stateFile(phone), app, dsp, config, from, to);
    }

    /** Waits for the phone to come back up from its {@code reboots}-th boot. */
    PhoneState awaitBoot(int phone, int reboots) {
        return SeedProcedure.awaitBoot(stateFile(phone), reboots);
    }

    String app(String protocolVersion) {
        return FirmwareNames.application(model, org.st20xx.matrix.Load.of(protocolVersion.split(":")[0],
                protocolVersion.split(":")[1]));
    }

    String config(String protocolVersion) {
        return FirmwareNames.config(model, org.st20xx.matrix.Load.of(protocolVersion.split(":")[0],
                protocolVersion.split(":")[1]));
    }

    @Override
    public void close() {
        lab.close();
        tftp.close();
    }
}
