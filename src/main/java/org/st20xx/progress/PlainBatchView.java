package org.st20xx.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import org.st20xx.batch.BatchListener;
import org.st20xx.batch.PhoneRow;
import org.st20xx.convert.ConversionEvent;
import org.st20xx.convert.ConversionResult;
import org.st20xx.convert.ProgressPrinter;

/** One log line per event, with the time since the start and the phone: for pipes, CI and logs. */
public final class PlainBatchView implements BatchListener {
    private final ProgressPrinter printer;
    private final boolean steps;

    /** @param steps also print every console step (not only hops, reboots and results) */
    public PlainBatchView(PrintWriter out, Clock clock, boolean steps) {
        this.printer = new ProgressPrinter(out, clock, true);
        this.steps = steps;
    }

    @Override
    public void started(PhoneRow row) {
        printer.line(row.label() + " started (CSV line " + row.line() + ")");
    }

    @Override
    public void event(PhoneRow row, ConversionEvent event) {
        if (steps || !(event instanceof ConversionEvent.StepStarted || event instanceof ConversionEvent.StepDone)) {
            printer.on(event);
        }
    }

    @Override
    public void finished(PhoneRow row, ConversionResult r) {
        if (r.status() != ConversionResult.Status.planned) {
            printer.line(r.phone() + " " + r.status().name().toUpperCase(Locale.ROOT) + r.error().map(e -> ": " + e).orElse(""));
        }
    }

    @Override
    public void note(String message) {
        printer.line("note: " + message);
    }
}
