package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code st20xx watch}: its help, and bad input refused (one line, exit 2) before anything is served. */
class WatchCommandTest {
    @TempDir
    Path root;

    private CliTestSupport.Result watch(String... more) {
        String[] args = new String[more.length + 5];
        System.arraycopy(new String[] {"watch", "--tftp-root", root.toString(), "--bind", "127.0.0.1"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return CliTestSupport.run(args);
    }

    private static void refused(CliTestSupport.Result r, String... words) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").contains(words).doesNotContain("\tat ");
    }

    @Test
    void helpTeachesTheHopsThePowerCyclesAndTheExitCodes() {
        CliTestSupport.Result r = CliTestSupport.run("watch", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--tftp-root", "--mac", "--from", "--target", "--timeout", "--format",
                "power-cycle", "OS79XX.TXT", ".st20xx-provision.json", "Exit codes: 0 the phone runs the target");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 120);
        assertThat(CliTestSupport.run("--help").out()).contains("watch");
    }

    @Test
    void withoutProvisionTheModelLoadAndTargetAreNeeded() {
        CliTestSupport.Result r = watch("--mac", "001a2b3c4d5e", "--port", "0");
        refused(r, "--model, --from, --target: needed", "records no phone 001A2B3C4D5E", "st20xx provision");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        refused(watch("--mac", "nope"), "--mac 'nope'");
        refused(watch("--mac", "001a2b3c4d5e", "--timeout", "0"), "--timeout 0");
        refused(watch("--mac", "001a2b3c4d5e", "--model", "ST2030", "--from", "sip:2.67", "--target", "mgcp"),
                "converted over its console");
        refused(watch("--mac", "001a2b3c4d5e", "--model", "7960", "--from", "sccp", "--target", "sip:8.12"), "--from");
        refused(CliTestSupport.run("watch", "--tftp-root", root.resolve("nope").toString(), "--mac", "001a2b3c4d5e"),
                "not a directory");
    }

    @Test
    void aMissingImageIsRefusedBeforeAnythingIsWrittenOrServed() {
        refused(watch("--mac", "001a2b3c4d5e", "--model", "7960", "--from", "sccp:5.0.1.1", "--target", "sip:7.4",
                "--port", "1"), "lacks", "no SIP 7.4 image (a file named like P0S3-07-4-00.loads", "nothing written");
        assertThat(CiscoFixtures.contents(root)).as("no provisioning file (the lock file aside)").isEmpty();
        assertThat(root.resolve(".st20xx-provision.json")).doesNotExist();
    }
}
