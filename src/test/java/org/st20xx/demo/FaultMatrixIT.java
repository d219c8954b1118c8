package org.st20xx.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.matrix.MatrixLoader;

/**
 * Issue 9's fault matrix: every fault kind at every console command of a hop, both models. No
 * phone ends bricked unless by definition; every other one ends on its target (after --resume
 * where the fault interrupted the run); every failure names the phone, the hop and the step.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FaultMatrixIT {
    @TempDir
    Path dir;

    @Test
    void everyFaultAtEveryCommandEndsAsPromised() throws Exception {
        List<FaultMatrix.Row> rows = new FaultMatrix(MatrixLoader.loadBuiltIn(), dir, Duration.ofMillis(200))
                .run(FaultMatrix.cases(), line -> { });
        assertThat(rows).hasSize(FaultMatrix.cases().size()).hasSize(96);
        for (FaultMatrix.Row r : rows) {
            String what = r.c().model() + " " + r.c().kind().word() + " at " + r.c().command() + ": " + r;
            assertThat(r.asPromised()).as(what).isTrue();
            if (r.bricked()) {
                assertThat(r.c().brickByDefinition()).as("bricked only by definition: " + what).isTrue();
            }
            if (!r.c().brickByDefinition()) {
                assertThat(r.onTarget()).as(what).isTrue();
            }
            if (!r.firstError().isEmpty()) {
                assertThat(r.firstError()).as(what).matches("(?s)127\\.0\\.4[01]\\.\\d+:\\d+ hop 1/1 \\(.*\\), step .*");
            }
        }
        // the matrix really exercised failures, recoveries and resumes
        assertThat(rows.stream().filter(r -> r.firstRun().startsWith("converted")).count()).isGreaterThan(20);
        assertThat(rows.stream().filter(r -> r.secondRun().startsWith("converted")).count()).isGreaterThan(10);
        assertThat(rows.stream().filter(r -> r.firstRun().contains("probable brick")).count()).isGreaterThan(5);
    }
}
