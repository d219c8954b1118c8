package org.st20xx.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.st20xx.ExitStatus;
import org.st20xx.InputProblem;
import org.st20xx.InvalidInputException;
import org.st20xx.St20xxException;
import org.st20xx.console.Transcript;
import org.st20xx.convert.Bench;
import org.st20xx.convert.ConversionResult;
import org.st20xx.convert.Converter;
import org.st20xx.convert.Journal;
import org.st20xx.convert.StopSignal;
import org.st20xx.convert.TelnetPhoneConsole;
import org.st20xx.credentials.Credentials;

/**
 * Converts the phones of a batch: every phone is checked and planned first (connect, identify,
 * plan; nothing changed), and a refusal on any phone (no safe plan, a missing file, an unknown
 * state) stops the batch before any phone is touched. Then up to {@code parallel} phones are
 * converted at once; one phone's failure never touches another, {@code maxFailures} failures (or a
 * stop request) keep new phones from starting while running ones finish to a safe point.
 */
public final class BatchRunner {
    /**
     * @param csv          the CSV's name as given, for messages
     * @param skip         phones ({@code ip:port}) converted by an earlier run (--resume)
     * @param defaultPort  the telnet port of a row without one
     */
    public record Options(String csv, int parallel, boolean dryRun, int maxFailures, boolean enableTelnet,
            Set<String> skip, int defaultPort, int defaultWebPort) {
        public Options {
            Objects.requireNonNull(csv, "csv");
            skip = Set.copyOf(skip);
            if (parallel < 1) {
                throw St20xxException.usage("--parallel " + parallel + ": must be at least 1");
            }
            if (maxFailures < 1) {
                throw St20xxException.usage("--max-failures " + maxFailures + ": must be at least 1");
            }
        }
    }

    private final Bench bench;
    private final BatchListener listener;
    private final StopSignal stop;
    private final Clock clock;
    private final Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public BatchRunner(Bench bench, BatchListener listener, StopSignal stop) {
        this.bench = bench;
        this.listener = listener;
        this.stop = stop;
        this.clock = bench.clock();
    }

    public BatchReport run(List<PhoneRow> rows, Options options) {
        Instant started = clock.instant();
        List<PhoneRow> todo = rows.stream().filter(r -> !options.skip().contains(r.phone(options.defaultPort()))).toList();
        if (!options.dryRun()) {
            bench.serve(todo.stream().map(PhoneRow::ip).toList());
        }
        // 1. check and plan every phone, nothing changed
        List<PhoneOutcome> prepared = forEach(todo, options, (row, converter) ->
                converter.convert(request(row, options, true), Journal.none(clock)));
        List<InputProblem> refusals = new ArrayList<>();
        for (PhoneOutcome p : prepared) {
            if (p.result().exit() == ExitStatus.USAGE) {
                refusals.add(new InputProblem(options.csv(), p.row().line(), 0, p.phone() + ": " + p.result().error().orElse("refused")));
            } else if (!options.dryRun() && p.result().plan().map(plan -> !plan.complete()).orElse(false)) {
                refusals.add(new InputProblem(options.csv(), p.row().line(), 0, p.phone() + ": missing "
                        + String.join("; ", p.result().plan().get().missing())));
            }
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        List<PhoneOutcome> all = merge(rows, options, prepared, List.of());
        BatchReport preparation = new BatchReport(all, Duration.between(started, clock.instant()));
        listener.planned(preparation);
        if (options.dryRun()) {
            return preparation;
        }
        // 2. convert those that are ready (a phone that could not be reached is already a failure)
        List<PhoneRow> ready = prepared.stream()
                .filter(p -> p.result().status() == ConversionResult.Status.planned)
                .map(PhoneOutcome::row).toList();
        AtomicInteger failures = new AtomicInteger((int) preparation.count(ConversionResult.Status.failed));
        if (failures.get() >= options.maxFailures()) {
            listener.note(failures.get() + " phone(s) failed while being checked: --max-failures " + options.maxFailures()
                    + " reached, no phone is converted");
            stop.request(StopSignal.SAFE_POINT);
        }
        List<PhoneOutcome> converted = forEach(ready, options, (row, converter) -> {
            if (stop.requested()) {
                return skipped(row, options, "not started: the batch was stopping");
            }
            listener.started(row);
            ConversionResult r = converter.convert(request(row, options, false), journal(row, options));
            if (r.status() == ConversionResult.Status.failed && failures.incrementAndGet() >= options.maxFailures()
                    && !stop.requested()) {
                listener.note("--max-failures " + options.maxFailures() + " reached: no new phone is started;"
                        + " running ones finish to a safe point");
                stop.request(StopSignal.SAFE_POINT);
            }
            return r;
        });
        return new BatchReport(merge(rows, options, prepared, converted), Duration.between(started, clock.instant()));
    }

    /** Runs {@code work} for each row on up to {@code parallel} threads; results in row order. */
    private List<PhoneOutcome> forEach(List<PhoneRow> rows, Options options,
            BiFunction<PhoneRow, Converter, ConversionResult> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallel(), Math.max(1, rows.size())), r -> {
            Thread t = new Thread(r, "st20xx-phone");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PhoneOutcome>> futures = new ArrayList<>();
            for (PhoneRow row : rows) {
                futures.add(pool.submit(() -> outcome(row, options, work)));
            }
            List<PhoneOutcome> out = new ArrayList<>();
            for (Future<PhoneOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new St20xxException(ExitStatus.INTERRUPTED, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a phone's worker failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops every running phone at once (a second Ctrl-C): their waits end with an interruption. */
    public void interruptWorkers() {
        stop.request(StopSignal.NOW);
        workers.forEach(Thread::interrupt);
    }

    private PhoneOutcome outcome(PhoneRow row, Options options, BiFunction<PhoneRow, Converter, ConversionResult> work) {
        workers.add(Thread.currentThread());
        try {
            return outcomeOf(row, options, work);
        } finally {
            workers.remove(Thread.currentThread());
            Thread.interrupted();
        }
    }

    private PhoneOutcome outcomeOf(PhoneRow row, Options options, BiFunction<PhoneRow, Converter, ConversionResult> work) {
        int port = row.port().orElse(options.defaultPort());
        ConversionResult r;
        Path folder = bench.phoneFolder(row.ip(), port);
        try {
            Credentials credentials = bench.credentials(row.credentials());
            try (Transcript t = bench.transcript(folder.resolve(clock.instant().toString().replace(':', '-') + ".transcript"),
                    credentials)) {
                Converter converter = new Converter(bench.matrix(), bench.playbooks(), credentials,
                        TelnetPhoneConsole.connector(t), bench.witness(), e -> listener.event(row, e), clock, stop);
                r = work.apply(row, converter);
            }
        } catch (St20xxException e) {
            r = failed(row, options, e);
        } catch (IOException e) {
            r = failed(row, options, new St20xxException(ExitStatus.PHONE_FAILED, "cannot write the transcript in "
                    + folder + ": " + e.getMessage()));
        }
        listener.finished(row, r);
        return new PhoneOutcome(row, row.ip(), port, r);
    }

    private Converter.Request request(PhoneRow row, Options options, boolean dryRun) {
        Optional<Journal.State> previous = Journal.read(bench.phoneFolder(row.ip(), row.port().orElse(options.defaultPort()))
                .resolve("journal.json"));
        return new Converter.Request(row.ip(), row.port().orElse(options.defaultPort()), row.model(), row.from(),
                row.target(), dryRun, bench.inventory(), bench.serverFor(row.ip()), options.enableTelnet(),
                row.webPort().orElse(options.defaultWebPort()), previous.map(Journal::dspMayBeStaged).orElse(false));
    }

    private Journal journal(PhoneRow row, Options options) {
        Path file = bench.phoneFolder(row.ip(), row.port().orElse(options.defaultPort())).resolve("journal.json");
        return Journal.start(file, clock, row.phone(options.defaultPort()), row.target().spec());
    }

    /** A phone this run does not convert, and {@code why}. */
    private ConversionResult skipped(PhoneRow row, Options options, String why) {
        return new ConversionResult(row.phone(options.defaultPort()), ConversionResult.Status.skipped, ExitStatus.OK,
                row.from(), Optional.empty(), Optional.empty(), 0, Optional.of(why),
                Optional.empty(), Duration.ZERO, List.of());
    }

    private ConversionResult failed(PhoneRow row, Options options, St20xxException e) {
        return new ConversionResult(row.phone(options.defaultPort()), ConversionResult.Status.failed, e.status(),
                row.from(), Optional.empty(), Optional.empty(), 0, Optional.of(e.getMessage()), Optional.of("prepare"),
                Duration.ZERO, List.of());
    }

    /** Every row in CSV order: its conversion, else its preparation, else "skipped (converted earlier)". */
    private List<PhoneOutcome> merge(List<PhoneRow> rows, Options options, List<PhoneOutcome> prepared,
            List<PhoneOutcome> converted) {
        Map<PhoneRow, PhoneOutcome> byRow = new java.util.IdentityHashMap<>();
        prepared.forEach(p -> byRow.put(p.row(), p));
        converted.forEach(p -> byRow.put(p.row(), p));
        List<PhoneOutcome> out = new ArrayList<>();
        for (PhoneRow row : rows) {
            PhoneOutcome o = byRow.get(row);
            if (o == null) {
                o = new PhoneOutcome(row, row.ip(), row.port().orElse(options.defaultPort()),
                        skipped(row, options, "converted in an earlier run"));
            }
            out.add(o);
        }
        return out;
    }
}
