package org.st20xx.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.demo.Demo;
import org.st20xx.matrix.Matrix;
import org.st20xx.report.Json;

/**
 * One measured run of the tool: a fresh simulated lab in this JVM, then
 * {@code java -jar st20xx.jar batch lab.csv --enable-telnet --parallel P} in its own process under
 * GNU time, exactly as a technician would type it (plain progress log, JSON report).
 */
final class ToolRun {
    /** How to start the tool. */
    /** @param progress the batch's --progress: plain, or steps to log every console step (diagnosis) */
    record Setup(Path java, List<String> jvmOptions, Path jar, Matrix matrix, Duration boot, Duration timeout,
            String progress) {
        Setup {
            Objects.requireNonNull(java, "java");
            jvmOptions = List.copyOf(jvmOptions);
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(matrix, "matrix");
            Objects.requireNonNull(boot, "boot");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /**
     * What one run measured.
     *
     * @param wallSeconds     the tool process, from start to exit (JVM start-up included)
     * @param batchSeconds    the batch's own time as its report gives it (check and plan every
     *                        phone, then convert them): the measure of issue 6
     * @param slowestPhone    the longest conversion of one phone in the report (its convert phase)
     * @param simulatorCpu    CPU seconds of this JVM (the simulated lab) during the run
     * @param problems        phones whose state file does not show the target, or shows a brick
     */
    record Result(int phones, int parallel, int exitCode, double wallSeconds, GnuTime.Usage usage, int converted,
            int failed, double batchSeconds, double slowestPhone, ProgressLog.RebootWaits rebootWaits,
            double simulatorCpu, List<String> problems, Path dir) {
        boolean sound() {
            return exitCode == 0 && converted == phones && problems.isEmpty();
        }
    }

    private ToolRun() {
    }

    /**
     * Starts a lab of {@code groups} in {@code labDir} (its firmware, CSV and state files; deleted
     * afterwards), converts it with the tool, whose report, logs and run folder go to {@code dir},
     * and measures.
     */
    static Result run(Setup setup, List<Demo.Group> groups, int parallel, Path dir, Path labDir) {
        int phones = groups.stream().mapToInt(Demo.Group::count).sum();
        try (Demo lab = Demo.start(Files.createDirectories(labDir), setup.matrix(), groups, setup.boot())) {
            Files.createDirectories(dir);
            Path report = dir.resolve("report.json");
            Path timeFile = dir.resolve("time.txt");
            Path progress = dir.resolve("progress.log");
            List<String> command = new ArrayList<>();
            command.add(setup.java().toString());
            command.addAll(setup.jvmOptions());
            command.addAll(List.of("-jar", setup.jar().toString(), "batch", lab.csv().toString(),
                    "--firmware", lab.firmware().toString(), "--tftp-port", String.valueOf(lab.tftpPort()),
                    "--runs-dir", dir.resolve("runs").toString(), "--parallel", String.valueOf(parallel),
                    "--enable-telnet", "--report", report.toString(), "--progress", setup.progress()));
            Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
            ProcessBuilder pb = new ProcessBuilder(GnuTime.wrap(command, timeFile))
                    .redirectOutput(dir.resolve("batch.out").toFile()).redirectError(progress.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            double cpu0 = ownCpuSeconds();
            long t0 = System.nanoTime();
            Process tool = pb.start();
            int exit = awaitExit(tool, setup.timeout());
            double wall = (System.nanoTime() - t0) / 1e9;
            double simulatorCpu = ownCpuSeconds() - cpu0;
            GnuTime.Usage usage = GnuTime.parse(Files.readString(timeFile));
            JsonNode json = readReport(report, dir);
            JsonNode summary = json.path("summary");
            double slowest = 0;
            for (JsonNode p : json.path("phones")) {
                slowest = Math.max(slowest, p.path("seconds").asDouble());
            }
            return new Result(phones, parallel, exit, wall, usage, summary.path("converted").asInt(),
                    summary.path("failed").asInt(), summary.path("seconds").asDouble(), slowest,
                    ProgressLog.rebootWaits(Files.readString(progress)), simulatorCpu, lab.problems(), dir);
        } catch (IOException e) {
            throw new St20xxException(ExitStatus.PHONE_FAILED, "benchmark run in " + dir + ": " + e.getMessage(), e);
        } finally {
            Demo.deleteTree(labDir);
        }
    }

    private static JsonNode readReport(Path report, Path dir) throws IOException {
        if (!Files.isRegularFile(report)) {
            throw new St20xxException(ExitStatus.PHONE_FAILED, "the batch wrote no report; see " + dir.resolve("progress.log")
                    + " and " + dir.resolve("batch.out"));
        }
        return Json.MAPPER.readTree(report.toFile());
    }

    /** Waits for the tool; past the deadline, kills it (GNU time and the JVM under it) and fails. */
    private static int awaitExit(Process tool, Duration timeout) {
        try {
            if (tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return tool.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(tool);
            throw new St20xxException(ExitStatus.INTERRUPTED, "interrupted");
        }
        kill(tool);
        throw new St20xxException(ExitStatus.PHONE_FAILED, "the batch did not finish within " + timeout.toSeconds()
                + "s (--timeout); it was killed");
    }

    private static void kill(Process tool) {
        tool.descendants().forEach(ProcessHandle::destroyForcibly);
        tool.destroyForcibly();
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    /** CPU time of this JVM so far (all threads), in seconds. */
    static double ownCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
