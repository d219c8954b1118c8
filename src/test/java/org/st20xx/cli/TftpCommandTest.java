package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code st20xx tftp}: one line, exit 2, no stack trace. (Serving is in TftpCommandIT.) */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TftpCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private void assertOneErrorLine(String expected) {
        assertThat(err.toString().lines()).hasSize(1).first().asString().startsWith("error: ").contains(expected);
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aMissingRootIsExit2() {
        assertThat(run("tftp", "--root", dir.resolve("nope").toString())).isEqualTo(2);
        assertOneErrorLine("--root " + dir.resolve("nope") + ": no such directory");
    }

    @Test
    void aRootThatIsAFileIsExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(run("tftp", "--root", file.toString())).isEqualTo(2);
        assertOneErrorLine("not a directory");
    }

    @Test
    void aPortOutOfRangeIsExit2() {
        assertThat(run("tftp", "--root", dir.toString(), "--port", "70000")).isEqualTo(2);
        assertOneErrorLine("port must be between 0 and 65535 (got 70000)");
    }

    @Test
    void aPortThatIsNotANumberIsExit2() {
        assertThat(run("tftp", "--root", dir.toString(), "--port", "sixty-nine")).isEqualTo(2);
        assertOneErrorLine("sixty-nine");
    }

    @Test
    void otherLimitsAreCheckedToo() {
        assertThat(run("tftp", "--root", dir.toString(), "--max-transfers", "0")).isEqualTo(2);
        assertOneErrorLine("max transfers must be between 1 and");
    }

    @Test
    void anAddressThatIsNotLocalIsExit2() {
        // 192.0.2.1 is TEST-NET-1: never assigned to this host, so bind fails; nothing is sent
        assertThat(run("tftp", "--root", dir.toString(), "--bind", "192.0.2.1", "--port", "0")).isEqualTo(2);
        assertOneErrorLine("cannot bind 192.0.2.1:0");
    }

    @Test
    void aPortInUseIsExit2() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            assertThat(run("tftp", "--root", dir.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(port)))
                    .isEqualTo(2);
            assertOneErrorLine("cannot bind 127.0.0.1:" + port);
        }
    }

    @Test
    void helpDescribesTheJailTheOutputAndExamples() {
        assertThat(run("tftp", "--help")).isZero();
        assertThat(out.toString()).contains("read-only", "--root=DIR", "--bind=ADDR", "--port=N", "--max-transfers=N",
                "'..'", "leading '/'", "Examples:", "st20xx tftp --root fw/ --bind 127.0.0.1 --port 6969", "Exit codes:");
    }

    @Test
    void theRootCommandListsTftp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^\\s+tftp\\s+Serve a firmware directory");
    }

    @Test
    void defaultsAreAllAddressesOnPort69() {
        TftpCommand command = new TftpCommand();
        picocli.CommandLine cl = new picocli.CommandLine(command);
        cl.parseArgs("--root", dir.toString());
        assertThat(command.config().bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(command.config().port()).isEqualTo(69);
        assertThat(command.config().timeout().toMillis()).isEqualTo(1000);
    }
}
