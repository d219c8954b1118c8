package org.st20xx.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.st20xx.demo.Demo;

/**
 * Issue 6's measure: for each count N, one phone of every kind in the lab converted alone (a
 * batch of 1), then N phones in mixed states converted by one batch with {@code --parallel N},
 * same boot time and same steps. The ratio compares the batch's time with the slowest kind's
 * time alone: a batch that runs its phones truly in parallel takes little more than its slowest
 * phone. With {@code repeat} above 1 the whole round (every kind alone, then the batch) runs that
 * many times and the tables show medians, so a burst of other load on the machine moves one run,
 * not the result.
 */
public final class BatchBenchmark {
    /**
     * @param parallel  the batch's --parallel; empty: the number of phones
     * @param maxRatio  a ratio above this fails the benchmark (exit 1)
     * @param steps     the progress logs show every console step
     * @param repeat    rounds per count
     * @param labs      where each run's simulated lab keeps its files (firmware, CSV, state files),
     *                  apart from the tool's run folders in {@code work}: the simulator rewrites a
     *                  state file after every change, disk work no real phone makes on the tool's
     *                  machine, so it belongs in memory (/dev/shm) when there is one
     */
    public record Options(List<Integer> phones, OptionalInt parallel, Duration boot, List<String> toolJvm,
            Path java, Path jar, Path work, Duration timeout, OptionalDouble maxRatio, boolean steps, int repeat,
            Path labs) {
        public Options {
            phones = List.copyOf(phones);
            Objects.requireNonNull(parallel, "parallel");
            Objects.requireNonNull(boot, "boot");
            toolJvm = List.copyOf(toolJvm);
            Objects.requireNonNull(java, "java");
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(maxRatio, "maxRatio");
            Objects.requireNonNull(labs, "labs");
            if (repeat < 1) {
                throw new IllegalArgumentException("repeat must be at least 1 (got " + repeat + ")");
            }
        }
    }

    /** One count N: per kind its runs alone, and the batch's runs, round by round. */
    record Row(int phones, List<Demo.Group> kinds, List<List<ToolRun.Result>> singles, List<ToolRun.Result> batches) {
        /** The median run of each kind alone. */
        ToolRun.Result single(int kind) {
            return median(singles.get(kind));
        }

        /** The kind whose median run alone is the slowest: what the batch is compared with. */
        ToolRun.Result slowestSingle() {
            return singles.stream().map(BatchBenchmark::median).max(Comparator.comparingDouble(ToolRun.Result::batchSeconds))
                    .orElseThrow();
        }

        ToolRun.Result batch() {
            return median(batches);
        }

        double ratio() {
            return batch().batchSeconds() / slowestSingle().batchSeconds();
        }

        /** Each round's own ratio: its batch against the slowest kind alone in the same round. */
        List<Double> roundRatios() {
            List<Double> out = new ArrayList<>();
            for (int round = 0; round < batches.size(); round++) {
                int r = round;
                double one = singles.stream().mapToDouble(k -> k.get(r).batchSeconds()).max().orElseThrow();
                out.add(batches.get(round).batchSeconds() / one);
            }
            return out;
        }
    }

    private final Options options;
    private final ToolRun.Setup setup;
    private final PrintWriter log;

    public BatchBenchmark(Options options, org.st20xx.matrix.Matrix matrix, PrintWriter log) {
        this.options = options;
        this.setup = new ToolRun.Setup(options.java(), options.toolJvm(), options.jar(), matrix, options.boot(),
                options.timeout(), options.steps() ? "steps" : "plain");
        this.log = log;
    }

    /** Why the benchmark cannot run on this machine, if it cannot (no GNU time to measure the tool). */
    public static Optional<String> unavailable() {
        return GnuTime.problem();
    }

    /** Runs every count, prints the tables on {@code out}; the exit code (0 sound, 1 a phone failed or a ratio too high). */
    public int run(PrintWriter out) throws IOException {
        out.println("st20xx benchmark: batches of simulated phones in mixed states, boot " + seconds(options.boot())
                + " s, " + options.repeat() + " round(s) per count; the tool runs in its own process (java -jar "
                + options.jar().getFileName() + " batch), the simulated lab in this one");
        out.println("machine: " + Machine.describe());
        out.println("work folder: " + options.work() + " (the tool's reports, logs, journals); simulated labs in "
                + options.labs());
        out.flush();
        List<Row> rows = new ArrayList<>();
        for (int n : options.phones()) {
            rows.add(measure(n));
        }
        out.println();
        printSingles(rows, out);
        out.println();
        printBatches(rows, out);
        out.println("after: " + Machine.load());
        boolean sound = true;
        for (Row r : rows) {
            List<ToolRun.Result> all = new ArrayList<>(r.batches());
            r.singles().forEach(all::addAll);
            for (ToolRun.Result t : all) {
                if (!t.sound()) {
                    sound = false;
                    out.println("problem: " + t.phones() + " phone(s) in " + t.dir() + ": exit " + t.exitCode() + ", "
                            + t.converted() + " converted, " + t.failed() + " failed" + (t.problems().isEmpty() ? ""
                                    : "; " + String.join("; ", t.problems())));
                }
            }
            if (options.maxRatio().isPresent() && r.ratio() > options.maxRatio().getAsDouble()) {
                sound = false;
                out.printf(Locale.ROOT, "problem: %d phones took %.2fx one phone's time (--max-ratio %.2f)%n",
                        r.phones(), r.ratio(), options.maxRatio().getAsDouble());
            }
        }
        if (sound) {
            out.println("every phone converted, none bricked" + (options.maxRatio().isPresent() ? String.format(Locale.ROOT,
                    "; every ratio under %.2f", options.maxRatio().getAsDouble()) : ""));
        }
        out.flush();
        return sound ? 0 : 1;
    }

    private Row measure(int n) throws IOException {
        Path dir = Files.createDirectories(options.work().resolve("phones-" + n));
        List<Demo.Group> mix = PhoneMix.of(n);
        List<List<ToolRun.Result>> singles = new ArrayList<>();
        mix.forEach(k -> singles.add(new ArrayList<>()));
        List<ToolRun.Result> batches = new ArrayList<>();
        int parallel = options.parallel().orElse(n);
        for (int round = 1; round <= options.repeat(); round++) {
            Path roundDir = options.repeat() == 1 ? dir : dir.resolve("round-" + round);
            for (int i = 0; i < mix.size(); i++) {
                Demo.Group kind = PhoneMix.withCount(mix.get(i), 1);
                Path runDir = roundDir.resolve("one-" + (i + 1));
                ToolRun.Result r = ToolRun.run(setup, List.of(kind), 1, runDir, lab(runDir));
                singles.get(i).add(r);
                log.printf(Locale.ROOT, "%4d phones, round %d: one %-45s %6.2f s (exit %d)%n", n, round,
                        PhoneMix.describe(kind), r.batchSeconds(), r.exitCode());
                log.flush();
            }
            Path batchDir = roundDir.resolve("batch");
            ToolRun.Result batch = ToolRun.run(setup, mix, parallel, batchDir, lab(batchDir));
            batches.add(batch);
            log.printf(Locale.ROOT, "%4d phones, round %d: batch --parallel %-33d %6.2f s (exit %d, %d converted)%n", n,
                    round, parallel, batch.batchSeconds(), batch.exitCode(), batch.converted());
            log.flush();
        }
        return new Row(n, mix, singles, batches);
    }

    /** The lab folder of the run whose tool folder is {@code runDir}. */
    private Path lab(Path runDir) {
        return options.labs().resolve(options.work().relativize(runDir));
    }

    private void printSingles(List<Row> rows, PrintWriter out) {
        out.println("One phone alone (a batch of 1), each kind in the lab" + (options.repeat() > 1
                ? " (the median round; 'rounds' lists each)" : "") + ":");
        out.println();
        out.println("| phones | kind | batch of 1 | rounds | its conversion | reboots | reboot wait (mean) | tool wall"
                + " | tool CPU | tool peak RSS |");
        out.println("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            for (int i = 0; i < r.kinds().size(); i++) {
                ToolRun.Result s = r.single(i);
                out.printf(Locale.ROOT, "| %d | %s | %.2f s | %s | %.2f s | %d | %.2f s | %.2f s | %.2f s | %d MiB |%n",
                        r.phones(), PhoneMix.describe(r.kinds().get(i)), s.batchSeconds(),
                        list(r.singles().get(i).stream().map(ToolRun.Result::batchSeconds).toList()), s.slowestPhone(),
                        s.rebootWaits().reboots(), s.rebootWaits().meanSeconds(), s.wallSeconds(), s.usage().cpuSeconds(),
                        s.usage().maxRssKib() / 1024);
            }
        }
    }

    private void printBatches(List<Row> rows, PrintWriter out) {
        out.println("N phones at once (--parallel N) against the slowest kind alone" + (options.repeat() > 1
                ? " (medians; 'rounds' lists each round's batch and ratio)" : "") + "; 'batch' is the report's"
                + " summary.seconds, 'tool wall' the whole process:");
        out.println();
        out.println("| phones | --parallel | one phone | batch | ratio | rounds | tool wall 1 / N | slowest phone in batch"
                + " | reboot wait (mean) | tool CPU | tool peak RSS | simulator CPU | converted |");
        out.println("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            ToolRun.Result one = r.slowestSingle();
            ToolRun.Result b = r.batch();
            List<String> rounds = new ArrayList<>();
            for (int i = 0; i < r.batches().size(); i++) {
                rounds.add(String.format(Locale.ROOT, "%.2f (%.2f)", r.batches().get(i).batchSeconds(),
                        r.roundRatios().get(i)));
            }
            out.printf(Locale.ROOT, "| %d | %d | %.2f s | %.2f s | **%.2f** | %s | %.2f / %.2f s | %.2f s | %.2f s | %.2f s"
                    + " | %d MiB | %.2f s | %d / %d |%n", r.phones(), b.parallel(), one.batchSeconds(), b.batchSeconds(),
                    r.ratio(), String.join(", ", rounds), one.wallSeconds(), b.wallSeconds(), b.slowestPhone(),
                    b.rebootWaits().meanSeconds(), b.usage().cpuSeconds(), b.usage().maxRssKib() / 1024, b.simulatorCpu(),
                    b.converted(), r.phones());
        }
    }

    /** The middle run by the batch's time (for an even count, the later of the two middle ones). */
    static ToolRun.Result median(List<ToolRun.Result> runs) {
        List<ToolRun.Result> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(ToolRun.Result::batchSeconds));
        return sorted.get(sorted.size() / 2);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
