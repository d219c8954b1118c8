package org.st20xx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchBenchmarkTest {
    private static ToolRun.Result run(int phones, double seconds) {
        return new ToolRun.Result(phones, phones, 0, seconds + 1, new GnuTime.Usage(seconds + 1, 1, 0.5, 100_000), phones,
                0, seconds, seconds - 0.2, new ProgressLog.RebootWaits(4, 4.4), 0.5, List.of(), Path.of("x"));
    }

    @Test
    void theMedianIsTheMiddleRun() {
        assertThat(BatchBenchmark.median(List.of(run(1, 7), run(1, 5), run(1, 6))).batchSeconds()).isEqualTo(6);
        assertThat(BatchBenchmark.median(List.of(run(1, 7))).batchSeconds()).isEqualTo(7);
        assertThat(BatchBenchmark.median(List.of(run(1, 7), run(1, 5))).batchSeconds()).isEqualTo(7);
    }

    @Test
    void theBatchIsComparedWithTheSlowestKindAloneAndEachRoundWithItsOwn() {
        BatchBenchmark.Row row = new BatchBenchmark.Row(10, PhoneMix.of(10).subList(0, 2),
                List.of(List.of(run(1, 6), run(1, 6.2), run(1, 9)), List.of(run(1, 3), run(1, 3.1), run(1, 3.2))),
                List.of(run(10, 7.2), run(10, 6.8), run(10, 9.9)));
        assertThat(row.slowestSingle().batchSeconds()).isEqualTo(6.2);
        assertThat(row.batch().batchSeconds()).isEqualTo(7.2);
        assertThat(row.ratio()).isCloseTo(7.2 / 6.2, within(1e-9));
        assertThat(row.roundRatios()).containsExactly(7.2 / 6, 6.8 / 6.2, 9.9 / 9);
    }

    @Test
    void bootTimesReadWithoutTrailingZeros() {
        assertThat(BatchBenchmark.seconds(Duration.ofMillis(500))).isEqualTo("0.5");
        assertThat(BatchBenchmark.seconds(Duration.ofSeconds(3))).isEqualTo("3");
        assertThat(BatchBenchmark.seconds(Duration.ofMillis(250))).isEqualTo("0.25");
    }
}
