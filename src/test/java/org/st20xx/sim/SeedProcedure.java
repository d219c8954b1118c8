package org.st20xx.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * Seed 000 section 6 as a technician types it, with its known errors corrected: step 7 pulls the
 * application again (not the DSP), and step 6 logs in with the target protocol's account.
 */
final class SeedProcedure {
    private SeedProcedure() {
    }

    /** Steps 1 to 5: from the logged-in session {@code c} up to {@code reboot immediate}. */
    static void stageAndClean(TelnetTestClient c, String app, String dsp) throws IOException {
        assertThat(c.command("tftp " + TestLab.SERVER + " " + app)).endsWith("Flash: writing application image... done");
        assertThat(c.command("tftp " + TestLab.SERVER + " " + dsp)).endsWith("Flash: writing DSP image... done");
        clean(c);
    }

    static void clean(TelnetTestClient c) throws IOException {
        assertThat(c.command("sys set rel 0")).isEqualTo("rel = 0");
        assertThat(c.command("ffs format")).isEqualTo("FFS: format done");
        assertThat(c.command("ffs commit")).isEqualTo("FFS: commit done");
        assertThat(c.command("ffs commit")).isEqualTo("FFS: commit done");
        assertThat(c.command("flash clean nmm")).isEqualTo("Flash: nmm cleaned");
    }

    /** One whole hop (steps 1 to 9) on phone {@code phone}, logged in as the given accounts; returns its state. */
    static PhoneState hop(TestLab lab, int phone, String app, String dsp, String config, String[] from, String[] to)
            throws IOException {
        int reboots = lab.state(phone).reboots();
        try (TelnetTestClient c = lab.login(phone, from[0], from[1])) {
            stageAndClean(c, app, dsp);
            assertThat(c.commandUntilClosed("reboot immediate")).isEqualTo("Rebooting now...");
        }
        lab.awaitBoot(phone, reboots + 1);
        try (TelnetTestClient c = lab.login(phone, to[0], to[1])) {
            assertThat(c.command("tftp " + TestLab.SERVER + " " + app)).endsWith("Flash: writing application image... done");
            assertThat(c.command("tftp2 telcfg " + TestLab.SERVER + " " + config)).endsWith("Config: " + config + " stored");
            assertThat(c.commandUntilClosed("reboot")).isEqualTo("Rebooting...");
        }
        return lab.awaitBoot(phone, reboots + 2);
    }
}
