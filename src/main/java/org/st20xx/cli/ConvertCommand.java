package org.st20xx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.batch.Addresses;
import org.st20xx.console.Transcript;
import org.st20xx.convert.Bench;
import org.st20xx.convert.ConversionListener;
import org.st20xx.convert.ConversionResult;
import org.st20xx.convert.Converter;
import org.st20xx.convert.Journal;
import org.st20xx.convert.ProgressPrinter;
import org.st20xx.convert.StopSignal;
import org.st20xx.convert.TelnetPhoneConsole;
import org.st20xx.credentials.Credentials;
import org.st20xx.matrix.Load;
import org.st20xx.plan.Plan;
import org.st20xx.plan.Target;
import org.st20xx.report.Json;
import org.st20xx.report.PlanChecklist;
import org.st20xx.report.PlanJson;
import org.st20xx.report.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "convert",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Convert one phone to a target protocol and release, verifying every step.",
        description = {
            "Connects to the phone's telnet console (switching telnet on through its web page with "
                + "--enable-telnet), logs in, reads what it runs, plans the safe hops, then types each hop's "
                + "commands from the playbook. Each download is checked by the console's answer and by what the "
                + "embedded TFTP server really sent; before every reboot a safety gate checks that flash holds "
                + "exactly the compatible application/DSP pair the plan promised, or the phone is not rebooted. "
                + "After each reboot it logs in again and checks the running version.",
            "",
            "Progress goes to stderr; the result to stdout (text, or --format json). A journal and a "
                + "transcript (passwords shown as ****) are kept in the run folder; after an interruption the "
                + "same command with --resume continues from what the phone really runs.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx convert --ip 10.0.0.7 --target mgcp --firmware ./firmware --dry-run",
            "  st20xx convert --ip 10.0.0.7 --target mgcp --firmware ./firmware --enable-telnet",
            "  st20xx convert --ip 10.0.0.7 --target sip:4.68 --firmware ./firmware --credentials lab.yaml",
            "  st20xx convert --ip 10.0.0.7 --target mgcp --firmware ./firmware --resume",
            "",
            "Exit codes: 0 converted (or nothing to do, or a dry run); 1 the phone failed;",
            "            2 bad input or a refusal (no safe plan, missing file, unknown state); 130 interrupted.",
        })
public final class ConvertCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ip", required = true, paramLabel = "HOST[:PORT]",
            description = "The phone's address, and its telnet port when not 23.")
    String ip;

    @Option(names = "--target", paramLabel = "PROTO[:VER]",
            description = "Where to go, e.g. mgcp (the newest MGCP in the firmware directory) or sip:4.68."
                    + " Required unless --resume finds it in the journal.")
    String target;

    @Option(names = "--model", paramLabel = "MODEL", description = "The phone's model; checked against what it says.")
    String model;

    @Option(names = "--from", paramLabel = "PROTO:VER",
            description = "What the phone runs now; the phone is asked anyway and a mismatch is refused.")
    String from;

    @Option(names = "--dry-run", description = "Show the plan and every console line that would be typed; change nothing.")
    boolean dryRun;

    @Option(names = "--web-port", paramLabel = "N", defaultValue = "80",
            description = "The phone's web port, for --enable-telnet (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--enable-telnet",
            description = "When the telnet port is closed, switch telnet on through http://PHONE/telnet.html"
                    + " with the web account first.")
    boolean enableTelnet;

    @Option(names = "--transcript", paramLabel = "FILE",
            description = "Write the console dialogue here (default: in the run folder). Passwords show as ****.")
    Path transcript;

    @Option(names = "--resume", description = "Continue an interrupted conversion of this phone (its journal is in the"
            + " run folder); what the phone runs is read again, never assumed.")
    boolean resume;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    BenchOptions benchOptions;

    @Override
    public Integer call() {
        Endpoint endpoint = Endpoint.parse(ip, "--ip");
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Bench bench = benchOptions.open(clock)) {
            Path folder = bench.phoneFolder(endpoint.host(), endpoint.port());
            Path journalFile = folder.resolve("journal.json");
            Optional<Journal.State> previous = Journal.read(journalFile);
            Target wanted = target(previous);
            if (resume && previous.isEmpty()) {
                throw St20xxException.usage("--resume: no journal for " + endpoint + " in " + folder
                        + " (nothing to resume; run without --resume)");
            }
            boolean dspUnknown = previous.map(Journal::dspMayBeStaged).orElse(false);
            Optional<Load> fromLoad = Optional.ofNullable(from).map(f -> Loads.parse(f, "--from"));
            if (dryRun && enableTelnet) {
                err.println("note: --enable-telnet is not applied in a dry run (it would change the phone)");
            }
            Optional.ofNullable(model).ifPresent(m -> bench.matrix().requireModel(m));
            Credentials credentials = bench.credentials();
            if (!dryRun) {
                bench.serve(List.of(endpoint.host()));
            }
            Path transcriptFile = transcript != null ? transcript
                    : folder.resolve(clock.instant().toString().replace(':', '-') + ".transcript");
            ConversionListener progress = new ProgressPrinter(err, clock, false);
            ConversionResult result;
            String server;
            StopSignal stop = new StopSignal();
            Thread worker = Thread.currentThread();
            try (Transcript t = bench.transcript(transcriptFile, credentials);
                    Interrupts interrupts = Interrupts.install(stop, err, worker::interrupt)) {
                Converter converter = new Converter(bench.matrix(), bench.playbooks(), credentials,
                        TelnetPhoneConsole.connector(t), bench.witness(), progress, clock, stop);
                server = bench.serverFor(endpoint.host());
                Converter.Request request = new Converter.Request(endpoint.host(), endpoint.port(), Optional.ofNullable(model),
                        fromLoad, wanted, dryRun, bench.inventory(), server, enableTelnet && !dryRun, webPort,
                        dspUnknown);
                Journal journal = dryRun ? Journal.none(clock)
                        : Journal.start(journalFile, clock, endpoint.toString(), wanted.spec());
                result = converter.convert(request, journal);
                Thread.interrupted();
            } catch (IOException e) {
                throw St20xxException.usage("cannot write the transcript " + transcriptFile + ": " + e.getMessage());
            }
            print(result, out, err, bench, endpoint, server, transcriptFile);
            return result.exit().code();
        }
    }

    private Target target(Optional<Journal.State> previous) {
        if (target != null) {
            Target t = Target.parse(target, "--target");
            previous.filter(p -> resume && p.target != null && !Target.parse(p.target, "journal").equals(t)).ifPresent(p -> {
                throw St20xxException.usage("--target " + target + " but the journal's conversion was to " + p.target
                        + "; give the same target, or leave --target out to take the journal's");
            });
            return t;
        }
        if (resume && previous.isPresent() && previous.get().target != null) {
            return Target.parse(previous.get().target, "journal target");
        }
        throw St20xxException.usage("--target is required (e.g. --target mgcp or --target sip:2.68)");
    }

    /** @param server the TFTP server as the phone reaches it (the request's {server}) */
    private void print(ConversionResult r, PrintWriter out, PrintWriter err, Bench bench, Endpoint endpoint, String server,
            Path transcriptFile) {
        if (format == OutputFormat.json) {
            Map<String, Object> m = new LinkedHashMap<>(ResultJson.of(endpoint.host(), endpoint.port(), r));
            r.plan().ifPresent(p -> m.put("plan", PlanJson.of(p, bench.matrix().source())));
            if (r.status() == ConversionResult.Status.planned) {
                m.put("consoleLines", r.dryRunLines());
            }
            m.put("transcript", transcriptFile.toString());
            out.println(Json.write(m));
        } else {
            if (r.status() == ConversionResult.Status.planned) {
                Plan plan = r.plan().orElseThrow();
                out.print(PlanChecklist.render(plan, Optional.empty(), server, bench.matrix().source()));
                out.println();
                out.println("Console lines that would be typed (dry run: nothing was sent that changes the phone):");
                r.dryRunLines().forEach(l -> out.println("  " + l));
            } else if (r.status() == ConversionResult.Status.failed) {
                out.println("FAILED " + endpoint + r.plan().map(p -> " after " + r.hopsDone() + " of " + p.hops().size()
                        + " hop(s),").orElse("") + " at step " + r.failedStep().orElse("?") + " (" + ProgressPrinter.seconds(r.took()) + ")");
            } else {
                out.println((r.status() == ConversionResult.Status.converted ? "converted " : "nothing to do for ") + endpoint
                        + ": " + r.from().map(Object::toString).orElse("?") + " -> " + r.to().map(Object::toString).orElse("?")
                        + " (" + r.hopsDone() + " hop(s), " + ProgressPrinter.seconds(r.took()) + ")");
            }
            err.println("transcript: " + transcriptFile);
        }
        r.error().ifPresent(e -> err.println("error: " + e));
        out.flush();
        err.flush();
        if (r.exit() == ExitStatus.OK && r.status() == ConversionResult.Status.planned && !r.plan().orElseThrow().complete()) {
            err.println("warning: the plan is not complete: " + String.join("; ", r.plan().get().missing()));
        }
    }

    /** {@code HOST[:PORT]}, checked. */
    record Endpoint(String host, int port) {
        static Endpoint parse(String text, String option) {
            String t = text.trim();
            String host = t;
            int port = 23;
            int colon = t.lastIndexOf(':');
            if (colon > 0 && t.indexOf(':') == colon) {
                host = t.substring(0, colon);
                port = port(t.substring(colon + 1), text, option);
            } else if (t.startsWith("[") && t.contains("]:")) {
                host = t.substring(1, t.indexOf(']'));
                port = port(t.substring(t.indexOf("]:") + 2), text, option);
            }
            String h = host;
            Addresses.problem(h).ifPresent(pr -> {
                throw St20xxException.usage(option + " " + text + ": " + pr);
            });
            return new Endpoint(h, port);
        }

        /** The port {@code p} of {@code text}, checked like every port. */
        private static int port(String p, String text, String option) {
            Addresses.portProblem(p).ifPresent(pr -> {
                throw St20xxException.usage(option + " " + text + ": " + pr);
            });
            return Integer.parseInt(p);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
