package org.st20xx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad input to {@code st20xx benchmark}: one {@code error:} line, exit 2, nothing measured. */
class BenchmarkCommandTest {
    @Test
    void badInputIsOneLineAndExit2() {
        String[][] cases = {
            {"benchmark", "--phones", "0"},
            {"benchmark", "--phones", "10,501"},
            {"benchmark", "--phones", "ten"},
            {"benchmark", "--boot-seconds", "0"},
            {"benchmark", "--boot-seconds", "NaN"},
            {"benchmark", "--parallel", "0"},
            {"benchmark", "--max-ratio", "0.5"},
            {"benchmark", "--timeout", "0"},
            {"benchmark", "--repeat", "0"},
            {"benchmark", "--jar", "/no/such/st20xx.jar"},
        };
        for (String[] args : cases) {
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }

    @Test
    void helpTeachesWhatItMeasures() {
        CliTestSupport.Result r = CliTestSupport.run("benchmark", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--phones", "--boot-seconds", "--max-ratio", "GNU time", "Examples:",
                "st20xx benchmark --phones 1,10,50,200 --repeat 3");
        assertThat(CliTestSupport.run("--help").out()).contains("benchmark");
    }
}
