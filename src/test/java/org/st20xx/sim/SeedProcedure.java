package org.st20xx.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Seed 000 section 6 as a technician types it, with its known errors corrected: step 7 pulls the
 * application again (not the DSP), and step 6 logs in with the target protocol's account. Works
 * on any phone it can reach by telnet and whose state file it can read (in-JVM labs and the
 * {@code st20xx sim} process of {@link SimBenchmark}); plain checks, no test library.
 */
final class SeedProcedure {
    static final String SERVER = "127.0.0.1";
    static final Duration WAIT = Duration.ofSeconds(30);

    private SeedProcedure() {
    }

    /** Steps 3 and 4 and the clean sequence of step 5, up to (not including) {@code reboot immediate}. */
    static void stageAndClean(TelnetTestClient c, String app, String dsp) throws IOException {
        expectEnd(c.command("tftp " + SERVER + " " + app), "Flash: writing application image... done");
        expectEnd(c.command("tftp " + SERVER + " " + dsp), "Flash: writing DSP image... done");
        clean(c);
    }

    static void clean(TelnetTestClient c) throws IOException {
        expectEnd(c.command("sys set rel 0"), "rel = 0");
        expectEnd(c.command("ffs format"), "FFS: format done");
        expectEnd(c.command("ffs commit"), "FFS: commit done");
        expectEnd(c.command("ffs commit"), "FFS: commit done");
        expectEnd(c.command("flash clean nmm"), "Flash: nmm cleaned");
    }

    /** One whole hop (steps 1 to 9), logging in as {@code from} then {@code to}; returns the state after it. */
    static PhoneState hop(InetSocketAddress telnet, Path stateFile, String app, String dsp, String config,
            String[] from, String[] to) throws IOException {
        int reboots = PhoneState.read(stateFile).reboots();
        try (TelnetTestClient c = TelnetTestClient.awaitLoggedIn(telnet, from[0], from[1], WAIT)) {
            stageAndClean(c, app, dsp);
            expectEnd(c.commandUntilClosed("reboot immediate"), "Rebooting now...");
        }
        awaitBoot(stateFile, reboots + 1);
        try (TelnetTestClient c = TelnetTestClient.awaitLoggedIn(telnet, to[0], to[1], WAIT)) {
            expectEnd(c.command("tftp " + SERVER + " " + app), "Flash: writing application image... done");
            expectEnd(c.command("tftp2 telcfg " + SERVER + " " + config), "Config: " + config + " stored");
            expectEnd(c.commandUntilClosed("reboot"), "Rebooting...");
        }
        return awaitBoot(stateFile, reboots + 2);
    }

    /** Waits until the state file says the phone finished its {@code reboots}-th boot. */
    static PhoneState awaitBoot(Path stateFile, int reboots) {
        return Await.state(stateFile, "to finish boot " + reboots, WAIT,
                s -> s.reboots() >= reboots && !s.state().equals("booting"));
    }

    private static void expectEnd(String output, String end) {
        if (!output.endsWith(end)) {
            throw new AssertionError("expected the output to end with '" + end + "', got: " + output);
        }
    }
}
