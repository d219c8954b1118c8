package org.st20xx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.batch.BatchListener;
import org.st20xx.batch.BatchReport;
import org.st20xx.batch.BatchRunner;
import org.st20xx.batch.CsvInventoryReader;
import org.st20xx.batch.PhoneOutcome;
import org.st20xx.batch.PhoneRow;
import org.st20xx.convert.Bench;
import org.st20xx.convert.ConversionResult;
import org.st20xx.convert.StopSignal;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Target;
import org.st20xx.playbook.Playbook;
import org.st20xx.progress.LiveBatchView;
import org.st20xx.progress.PlainBatchView;
import org.st20xx.report.AtomicFiles;
import org.st20xx.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Convert a bench of phones listed in a CSV, in parallel; one bad phone never stops the others.",
        description = {
            "The CSV's header names its columns: ip (required), port, web_port, model, from, target, "
                + "credentials (a credentials file for that phone). Every row is checked and every phone is "
                + "identified and planned before the first one is touched; any problem (a bad row, a duplicate, "
                + "an unknown model, no safe plan, a missing firmware file) stops the batch with one line per "
                + "problem (FILE:LINE: ...) and exit 2.",
            "",
            "Then up to --parallel phones convert at once, each as 'st20xx convert' would. On a terminal "
                + "a live view shows each running phone and the totals; otherwise plain log lines go to stderr. "
                + "At the end: a summary table on stdout, the JSON report (--report), failed.csv beside it with "
                + "the rows to retry, and per-phone journals and transcripts in the run folder. Ctrl-C (or "
                + "--max-failures) starts no new phone and lets running ones reach a safe point; --resume then "
                + "skips the phones already converted.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx batch lab.csv --target mgcp --firmware ./firmware --dry-run",
            "  st20xx batch lab.csv --firmware ./firmware --parallel 16 --report out.json",
            "  st20xx batch lab.csv --firmware ./firmware --resume",
            "",
            "  lab.csv:  ip,model,from,target",
            "            10.0.0.7,ST2030,sip:2.67,mgcp",
            "            10.0.0.8,ST2022,,sip:4.68",
            "",
            "Exit codes: 0 every phone converted (or planned); 1 at least one phone failed;",
            "            2 bad input or a refusal, no phone touched; 130 interrupted.",
        })
public final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The phones, one per row.")
    Path csv;

    @Option(names = "--target", paramLabel = "PROTO[:VER]", description = "Target of rows without a target column.")
    String target;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Phones converted at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--dry-run", description = "Check and plan every phone and print the table; change nothing.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Where to write the JSON report (default: the batch's run folder); failed.csv goes beside it.")
    Path report;

    @Option(names = "--resume", description = "Skip the phones an earlier run of this CSV converted; continue the others.")
    boolean resume;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "2147483647",
            description = "After N failed phones, start no new phone (running ones finish to a safe point).")
    int maxFailures;

    @Option(names = "--enable-telnet", description = "Switch telnet on through each phone's web page when it is off.")
    boolean enableTelnet;

    @Option(names = "--port", paramLabel = "N", defaultValue = "23", description = "Telnet port of rows without one"
            + " (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--web-port", paramLabel = "N", defaultValue = "80", description = "Web port of rows without one"
            + " (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (live on a terminal, else log lines), live, plain, steps (log lines with every"
                    + " console step) or none.")
    String progress;

    @Mixin
    BenchOptions benchOptions;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("auto", "live", "plain", "steps", "none").contains(progress)) {
            throw St20xxException.usage("--progress " + progress + ": expected auto, live, plain, steps or none");
        }
        try (Bench bench = benchOptions.open(clock)) {
            Optional<Target> defaultTarget = Optional.ofNullable(target).map(t -> Target.parse(t, "--target"));
            List<PhoneRow> rows = CsvInventoryReader.read(csv, defaultTarget, bench.matrix());
            Path stateFile = bench.runs().resolve("batches")
                    .resolve(csv.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
            Set<String> skip = resume ? converted(stateFile) : Set.of();
            if (resume) {
                err.println("resume: " + skip.size() + " phone(s) converted by an earlier run are skipped");
            }
            BatchRunner.Options options = new BatchRunner.Options(csv.toString(), parallel, dryRun, maxFailures,
                    enableTelnet, skip, port, webPort);
            StopSignal stop = new StopSignal();
            LiveBatchView live = progress.equals("live") || progress.equals("auto") ? LiveBatchView.onTerminal(clock) : null;
            if (live != null) {
                live.parallel(parallel);
            }
            BatchListener view = live != null ? live : progress.equals("none") ? BatchListener.NONE
                    : new PlainBatchView(err, clock, progress.equals("steps"));
            BatchReport result;
            BatchRunner runner = new BatchRunner(bench, view, stop);
            try (Interrupts interrupts = Interrupts.install(stop, err, runner::interruptWorkers)) {
                result = runner.run(rows, options);
            } finally {
                if (live != null) {
                    live.close();
                }
            }
            if (dryRun) {
                printPlanTable(result, out, bench);
                return result.failed().isEmpty() ? ExitStatus.OK.code() : ExitStatus.PHONE_FAILED.code();
            }
            Path reportFile = report != null ? report
                    : bench.runs().resolve("batch-" + clock.instant().toString().replace(':', '-'))
                            .resolve("report.json");
            write(reportFile, result, stateFile, rows);
            printSummary(result, out);
            out.println("report: " + reportFile);
            if (!result.failed().isEmpty()) {
                out.println("failed.csv: " + failedCsv(reportFile) + " (" + result.failed().size() + " row(s) to retry)");
            }
            out.flush();
            if (stop.requested() && result.phones().stream().anyMatch(p -> p.result().exit() == ExitStatus.INTERRUPTED)) {
                return ExitStatus.INTERRUPTED.code();
            }
            return result.failed().isEmpty() ? ExitStatus.OK.code() : ExitStatus.PHONE_FAILED.code();
        }
    }

    private Set<String> converted(Path stateFile) {
        if (!Files.isRegularFile(stateFile)) {
            throw St20xxException.usage("--resume: no earlier run of " + csv + " (no " + stateFile + "); run without --resume");
        }
        Set<String> done = new HashSet<>();
        try {
            JsonNode phones = Json.MAPPER.readTree(stateFile.toFile()).path("phones");
            for (JsonNode p : phones) {
                if ("converted".equals(p.path("status").asText())) {
                    done.add(p.path("ip").asText() + ":" + p.path("port").asInt());
                }
            }
        } catch (IOException e) {
            throw St20xxException.usage(stateFile + ": cannot read the earlier run's state: " + e.getMessage());
        }
        return done;
    }

    private void write(Path reportFile, BatchReport result, Path stateFile, List<PhoneRow> rows) {
        try {
            Map<String, Object> json = result.json();
            Json.writeAtomically(reportFile, json);
            AtomicFiles.write(failedCsv(reportFile), failedRows(result, rows));
            Map<String, Object> state = resume && Files.isRegularFile(stateFile) ? mergedState(stateFile, json) : json;
            Json.writeAtomically(stateFile, state);
        } catch (IOException e) {
            throw new St20xxException(ExitStatus.PHONE_FAILED, "cannot write the report " + reportFile + ": " + e.getMessage());
        }
    }

    /** The earlier state with this run's phones ({@code fresh}) replaced: converted phones stay converted for the next --resume. */
    private static Map<String, Object> mergedState(Path stateFile, Map<String, Object> fresh) throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> now = (List<Map<String, Object>>) fresh.get("phones");
        Map<String, Map<String, Object>> byPhone = new LinkedHashMap<>();
        for (JsonNode p : Json.MAPPER.readTree(stateFile.toFile()).path("phones")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.MAPPER.convertValue(p, Map.class);
            byPhone.put(p.path("ip").asText() + ":" + p.path("port").asInt(), m);
        }
        for (Map<String, Object> p : now) {
            String key = p.get("ip") + ":" + p.get("port");
            boolean skippedHere = "skipped".equals(p.get("status")) && byPhone.containsKey(key);
            if (!skippedHere) {
                byPhone.put(key, p);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>(fresh);
        state.put("phones", new ArrayList<>(byPhone.values()));
        return state;
    }

    private static Path failedCsv(Path reportFile) {
        return reportFile.toAbsolutePath().getParent().resolve("failed.csv");
    }

    /** The failed phones' rows, with the CSV's own columns, ready to be the next batch. */
    private static String failedRows(BatchReport result, List<PhoneRow> rows) {
        List<String> columns = new ArrayList<>(rows.get(0).raw().keySet());
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (PhoneOutcome p : result.failed()) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(csvCell(p.row().raw().getOrDefault(c, "")));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(String v) {
        return v.matches("[^\",\\r\\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private void printPlanTable(BatchReport result, PrintWriter out, Bench bench) {
        String fmt = "%-22s %-7s %-13s %-13s %-4s %-7s %-9s %s%n";
        out.printf(Locale.ROOT, fmt, "PHONE", "MODEL", "NOW", "TARGET", "HOPS", "REBOOTS", "EST.TIME", "ROUTE / PROBLEM");
        for (PhoneOutcome p : result.phones()) {
            ConversionResult r = p.result();
            if (r.plan().isEmpty()) {
                out.printf(Locale.ROOT, fmt, p.phone(), "-", "-", "-", "-", "-", "-", r.status() + ": " + r.error().orElse(""));
                continue;
            }
            var plan = r.plan().get();
            PhoneModel model = bench.matrix().requireModel(plan.model());
            Playbook pb = bench.playbooks().apply(model.family());
            String route = plan.hops().isEmpty() ? "nothing to do"
                    : String.join(" -> ", plan.hops().stream().map(h -> h.to().toString()).toList());
            out.printf(Locale.ROOT, fmt, p.phone(), plan.model(), plan.from(), plan.target(), plan.hops().size(),
                    plan.reboots(), "~" + pb.estimate(plan.hops().size(), model.rebootsPerHop()).toMinutes() + "m", route);
        }
        out.printf(Locale.ROOT, "%d phone(s) planned, %d could not be checked; nothing was changed%n",
                result.count(ConversionResult.Status.planned), result.failed().size());
        out.flush();
    }

    private static void printSummary(BatchReport result, PrintWriter out) {
        String fmt = "%-22s %-10s %-13s %-13s %7s  %s%n";
        out.printf(Locale.ROOT, fmt, "PHONE", "STATUS", "FROM", "TO", "SECONDS", "ERROR");
        for (PhoneOutcome p : result.phones()) {
            ConversionResult r = p.result();
            out.printf(Locale.ROOT, fmt, p.phone(), r.status(), r.from().map(Object::toString).orElse("-"),
                    r.to().map(Object::toString).orElse("-"), String.format(Locale.ROOT, "%.1f", r.took().toMillis() / 1000.0),
                    r.error().map(e -> e.length() > 120 ? e.substring(0, 117) + "..." : e).orElse(""));
        }
        out.printf(Locale.ROOT, "%d converted, %d failed, %d skipped in %.1fs%n", result.count(ConversionResult.Status.converted),
                result.count(ConversionResult.Status.failed), result.count(ConversionResult.Status.skipped),
                result.took().toMillis() / 1000.0);
    }
}
