package org.st20xx.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.st20xx.St20xxException;
import org.st20xx.benchmark.BatchBenchmark;
import org.st20xx.demo.Demo;
import org.st20xx.matrix.MatrixLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Measure a batch of N simulated phones against one phone alone: time, CPU and memory of the tool.",
        description = {
            "For each count N: starts a simulated lab on loopback (127.0.x.y) in this",
            "process, in the demo's mixed states (ST2030 and ST2022, SIP -> MGCP and back,",
            "one or two hops, some with telnet off); converts one phone of each kind alone",
            "(a batch of 1), then all N at once with --parallel N. Same boot time, same",
            "steps. Each conversion is 'java -jar st20xx.jar batch lab.csv --enable-telnet'",
            "in its own process under GNU time (/usr/bin/time): the tool's CPU time and",
            "peak memory (RSS) are its own, not the simulator's.",
            "",
            "Prints two Markdown tables (for docs/benchmarks.md). 'ratio' is the batch's",
            "time (its report's summary.seconds) over the slowest kind's time alone: near",
            "1 when the phones really convert in parallel. Issue 6 asks for 50 phones",
            "under 1.3. Each run's lab, CSV, report, progress log and transcripts stay in",
            "the work folder.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx benchmark                                   50 phones, boot 0.5 s",
            "  st20xx benchmark --phones 1,10,50,200 --repeat 3 --max-ratio 1.3",
            "  st20xx benchmark --phones 50 --boot-seconds 3",
            "  st20xx benchmark --tool-jvm -XX:StartFlightRecording=filename=/tmp/batch.jfr",
            "",
            "Exit codes: 0 every phone converted (and every ratio under --max-ratio);",
            "            1 otherwise; 2 bad input, or no GNU time at /usr/bin/time.",
        })
public final class BenchmarkCommand implements Callable<Integer> {
    static final int MAX_PHONES = 500;
    /** Memory-backed folder (Linux): where the simulated labs go by default. */
    private static final Path SHM = Path.of("/dev/shm");

    @Spec
    CommandSpec spec;

    @Option(names = "--phones", paramLabel = "N", split = ",", splitSynopsisLabel = ",", defaultValue = "50",
            description = "Phones per batch, comma separated, each 1 to " + MAX_PHONES + " (default: ${DEFAULT-VALUE}).")
    List<Integer> phones = new ArrayList<>();

    @Option(names = "--boot-seconds", paramLabel = "S", defaultValue = "0.5",
            description = "How long a simulated reboot takes, 0.05 to 600 (default: ${DEFAULT-VALUE}).")
    double bootSeconds;

    @Option(names = "--parallel", paramLabel = "N", description = "The batch's --parallel (default: its number of phones).")
    Integer parallel;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1",
            description = "Rounds per count (every kind alone, then the batch); the tables show medians"
                    + " (default: ${DEFAULT-VALUE}; 3 or 5 on a busy machine).")
    int repeat;

    @Option(names = "--max-ratio", paramLabel = "R",
            description = "Fail (exit 1) when a batch takes more than R times one phone alone, e.g. 1.3.")
    Double maxRatio;

    @Option(names = "--tool-jvm", paramLabel = "OPTIONS",
            description = "JVM options of the tool's process, space separated (e.g. a JFR recording).")
    String toolJvm;

    @Option(names = "--steps", description = "Log every console step in each run's progress.log (to see where the"
            + " time goes).")
    boolean steps;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the labs, reports and logs go (default: a new folder under the system's temporary one).")
    Path work;

    @Option(names = "--lab-dir", paramLabel = "DIR",
            description = "Where the simulated labs keep their files while they run (default: a new folder in"
                    + " /dev/shm when there is one, else in the work folder): the simulator's state files are not"
                    + " the tool's disk work.")
    Path labDir;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The st20xx jar to measure (default: the one running this command).")
    Path jar;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "900",
            description = "Kill a tool run that takes longer (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        for (int n : phones) {
            if (n < 1 || n > MAX_PHONES) {
                throw St20xxException.usage("--phones " + n + ": must be from 1 to " + MAX_PHONES);
            }
        }
        if (!Double.isFinite(bootSeconds) || bootSeconds < 0.05 || bootSeconds > 600) {
            throw St20xxException.usage("--boot-seconds " + bootSeconds + ": must be from 0.05 to 600");
        }
        if (parallel != null && parallel < 1) {
            throw St20xxException.usage("--parallel " + parallel + ": must be at least 1");
        }
        if (maxRatio != null && !(maxRatio >= 1)) {
            throw St20xxException.usage("--max-ratio " + maxRatio + ": must be at least 1");
        }
        if (repeat < 1 || repeat > 99) {
            throw St20xxException.usage("--repeat " + repeat + ": must be from 1 to 99");
        }
        if (timeoutSeconds < 1) {
            throw St20xxException.usage("--timeout " + timeoutSeconds + ": must be at least 1 second");
        }
        BatchBenchmark.unavailable().ifPresent(p -> {
            throw St20xxException.usage(p);
        });
        Path toolJar = jar != null ? jar : runningJar().orElseThrow(() -> St20xxException.usage(
                "not running from a jar: give --jar target/st20xx.jar (build it with mvn -q -B package -DskipTests)"));
        if (!Files.isRegularFile(toolJar)) {
            throw St20xxException.usage("--jar " + toolJar + ": no such file (build it with mvn -q -B package -DskipTests)");
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("st20xx-benchmark-");
        Path labs = labDir != null ? Files.createDirectories(labDir)
                : Files.isDirectory(SHM) && Files.isWritable(SHM) ? Files.createTempDirectory(SHM, "st20xx-benchmark-labs-")
                : dir.resolve("labs");
        BatchBenchmark.Options options = new BatchBenchmark.Options(phones,
                parallel == null ? OptionalInt.empty() : OptionalInt.of(parallel),
                Duration.ofNanos(Math.round(bootSeconds * 1e9)),
                toolJvm == null || toolJvm.isBlank() ? List.of() : List.of(toolJvm.strip().split("\\s+")),
                Path.of(System.getProperty("java.home"), "bin", "java"), toolJar.toAbsolutePath(), dir.toAbsolutePath(),
                Duration.ofSeconds(timeoutSeconds),
                maxRatio == null ? OptionalDouble.empty() : OptionalDouble.of(maxRatio), steps, repeat, labs.toAbsolutePath());
        try {
            return new BatchBenchmark(options, MatrixLoader.loadBuiltIn(), spec.commandLine().getErr())
                    .run(spec.commandLine().getOut());
        } finally {
            if (labDir == null) {
                Demo.deleteTree(labs);
            }
        }
    }

    private static Optional<Path> runningJar() {
        try {
            var source = BenchmarkCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
