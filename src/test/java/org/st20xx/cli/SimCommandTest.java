package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad input to {@code st20xx sim}: one {@code error:} line, exit 2, no stack trace. */
class SimCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void badInputIsOneLineAndExit2() {
        String[][] cases = {
            {"sim", "--count", "2", "--model", "NOPE", "--firmware", "sip:2.67"},
            {"sim", "--count", "2", "--model", "ST2030", "--firmware", "sip:9.99"},
            {"sim", "--count", "2", "--model", "ST2030", "--firmware", "sip:2.67", "--dsp", "ST2030_dsp_v101.zz"},
            {"sim", "--count", "2", "--model", "ST2030", "--firmware", "sip:2.67", "--fault", "1:melt:tftp"},
            {"sim", "--count", "2", "--model", "ST2030", "--firmware", "sip:2.67", "--boot-seconds", "-3"},
            {"sim", "--count", "x", "--model", "ST2030", "--firmware", "sip:2.67"},
            {"sim", "--model", "ST2030", "--firmware", "sip:2.67"},
            {"sim", "--count", "1", "--model", "ST2030", "--firmware", "sip:2.67", "--credentials", "/no/such.yaml"},
            {"sim", "--count", "1", "--model", "ST2030", "--firmware", "sip:2.67", "--mac-base", "001A2B3C4D5E"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sccp:5.0.1.1", "--tftp-server", "10.0.0.1"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sccp:5.0.1.1", "--tftp-server", "localhost"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sccp:5.0.1.1", "--telnet-enabled"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sccp:5.0.1.1", "--fault", "1:drop:tftp"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sccp:5.0.1.1", "--dsp", "x.zz"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "mgcp:5.0"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sip:9.1"},
            {"sim", "--count", "2", "--model", "7960", "--firmware", "sip:8.12", "--mac-base", "FFFFFFFFFFFF"},
            {"sim", "--count", "1", "--model", "7960", "--firmware", "sip:8.12", "--mac-base", "00:1a:2b"},
        };
        for (String[] args : cases) {
            String[] r = run(args);
            assertThat(r[0]).as(String.join(" ", args)).isEqualTo("2");
            assertThat(r[1]).isEmpty();
            assertThat(r[2]).startsWith("error: ").doesNotContain("\tat ");
            assertThat(r[2].strip().lines().count()).as(r[2]).isEqualTo(1);
        }
    }

    @Test
    void helpListsTheSimCommandAndItsOptions() {
        assertThat(run("--help")[1]).contains("sim");
        assertThat(run("sim", "--help")[1]).contains("--count", "--fault", "--telnet-enabled", "--credentials",
                "power-cycle N", "--tftp-server", "--mac-base", "--flash-empty", "7960");
    }
}
