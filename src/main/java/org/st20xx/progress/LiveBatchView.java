package org.st20xx.progress;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.st20xx.batch.BatchListener;
import org.st20xx.batch.BatchReport;
import org.st20xx.batch.PhoneRow;
import org.st20xx.convert.ConversionEvent;
import org.st20xx.convert.ConversionResult;

/**
 * The live view on a terminal: one line per running phone (address, hop i/n, step, elapsed) and
 * a total line (done / failed / left, estimated time left), redrawn in place ten times a second.
 * Finished phones scroll up above it as permanent lines.
 */
public final class LiveBatchView implements BatchListener, AutoCloseable {
    private final Terminal terminal;
    private final Display display;
    private final Clock clock;
    private final Instant start;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;
    private int total;
    private int done;
    private int failed;
    private Duration finishedTime = Duration.ZERO;
    private int parallel = 1;

    private static final class Running {
        final Instant since;
        String hop = "checking";
        String step = "";

        Running(Instant since) {
            this.since = since;
        }
    }

    private LiveBatchView(Terminal terminal, Clock clock) {
        this.terminal = terminal;
        this.display = new Display(terminal, false);
        this.clock = clock;
        this.start = clock.instant();
        display.resize(terminal.getHeight(), terminal.getWidth());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "st20xx-live-view");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::redraw, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** A live view when standard error is an interactive terminal; otherwise null. */
    public static LiveBatchView onTerminal(Clock clock) {
        if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return null;
        }
        try {
            Terminal t = TerminalBuilder.builder().system(true).dumb(false).build();
            if (Terminal.TYPE_DUMB.equals(t.getType()) || t.getWidth() <= 0) {
                t.close();
                return null;
            }
            return new LiveBatchView(t, clock);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void parallel(int n) {
        this.parallel = Math.max(1, n);
    }

    @Override
    public synchronized void planned(BatchReport preparation) {
        total = (int) preparation.count(ConversionResult.Status.planned);
        running.clear();
    }

    @Override
    public synchronized void started(PhoneRow row) {
        running.put(row.label(), new Running(clock.instant()));
    }

    @Override
    public synchronized void event(PhoneRow row, ConversionEvent e) {
        Running r = running.get(row.label());
        if (r == null) {
            return;
        }
        if (e instanceof ConversionEvent.HopStarted h) {
            r.hop = "hop " + h.hop().number() + "/" + h.hops() + " " + h.hop().to();
            r.step = "";
        } else if (e instanceof ConversionEvent.StepStarted s) {
            r.step = "step " + s.step() + "/" + s.steps() + " " + s.name();
        } else if (e instanceof ConversionEvent.Waiting) {
            r.step = "rebooting";
        } else if (e instanceof ConversionEvent.Warning w) {
            permanent(row.ip() + " warning: " + w.message(), AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
        }
    }

    @Override
    public synchronized void finished(PhoneRow row, ConversionResult result) {
        Running r = running.remove(row.label());
        if (r == null) {
            return;
        }
        done++;
        finishedTime = finishedTime.plus(Duration.between(r.since, clock.instant()));
        boolean ok = result.status() != ConversionResult.Status.failed;
        if (!ok) {
            failed++;
        }
        permanent(String.format(Locale.ROOT, "%-22s %-9s %s", row.label(), result.status().name(),
                result.error().orElse(result.from().map(Object::toString).orElse("") + " -> "
                        + result.to().map(Object::toString).orElse(""))),
                ok ? AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN) : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    }

    @Override
    public synchronized void note(String message) {
        permanent("note: " + message, AttributedStyle.DEFAULT.bold());
    }

    private void permanent(String line, AttributedStyle style) {
        display.update(List.of(), 0);
        terminal.writer().println(new AttributedString(line, style).toAnsi(terminal));
        terminal.flush();
        redraw();
    }

    private synchronized void redraw() {
        List<AttributedString> lines = new ArrayList<>();
        Instant now = clock.instant();
        int width = Math.max(20, terminal.getWidth() - 1);
        running.forEach((phone, r) -> lines.add(new AttributedString(fit(String.format(Locale.ROOT, "  %-22s %-24s %-28s %6.0fs",
                phone, r.hop, r.step, Duration.between(r.since, now).toMillis() / 1000.0), width))));
        int left = Math.max(0, total - done);
        String eta = done == 0 ? "estimating" : "about " + Duration.ofMillis(finishedTime.toMillis() / done
                * (long) Math.ceil(left / (double) parallel)).toSeconds() + "s left";
        lines.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(fit(String.format(Locale.ROOT,
                "  %d done, %d failed, %d left, %d running; %s; %.0fs elapsed", done - failed, failed, left, running.size(),
                left == 0 ? "finishing" : eta, Duration.between(start, now).toMillis() / 1000.0), width)).toAttributedString());
        display.update(lines, -1);
        terminal.flush();
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        display.update(List.of(), 0);
        terminal.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // nothing left to show
        }
    }
}
