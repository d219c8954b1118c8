package org.st20xx.convert;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.credentials.Account;
import org.st20xx.credentials.Credentials;
import org.st20xx.credentials.Secret;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;
import org.st20xx.plan.PlanRequest;
import org.st20xx.plan.Planner;
import org.st20xx.plan.Target;
import org.st20xx.playbook.Playbook;

/**
 * Converts one phone: connect, log in, identify, plan, then each hop of the plan through the
 * playbook's steps. Every step is verified by the console's answer and, for downloads, by the TFTP
 * server's record of the transfer; before every reboot the safety gate checks that what is in
 * flash is exactly the compatible pair the plan promised.
 */
public final class Converter {
    /** Where the phone is and what to do with it. */
    /**
     * @param dryRun          connect, identify and plan only; nothing that changes the phone's firmware
     * @param enableTelnet    switch telnet on through the web page when the console is closed (batch
     *                        preparation does, even in its dry run; {@code convert --dry-run} does not)
     * @param tftpServer      the TFTP server's address as the phone reaches it ({server} in the playbook)
     * @param flashDspUnknown an earlier run may have left a DSP in flash that the phone does not run
     *                        (its journal says so): the first hop then writes the DSP again
     */
    public record Request(String host, int port, Optional<String> model, Optional<Load> from, Target target,
            boolean dryRun, Optional<FirmwareInventory> firmware, String tftpServer, boolean enableTelnet,
            int webPort, boolean flashDspUnknown) {
        public Request {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(firmware, "firmware");
            Objects.requireNonNull(tftpServer, "tftpServer");
        }

        public String phone() {
            return host + ":" + port;
        }
    }

    /** How long to wait for the TFTP server's record after the console said a download is done. */
    static final Duration TRANSFER_GRACE = Duration.ofSeconds(5);
    /** How long a freshly enabled telnet server may take to answer. */
    static final Duration TELNET_START = Duration.ofSeconds(30);
    /** How many times one conversion recovers from a lost console before it gives up. */
    static final int MAX_RECOVERIES = 3;
    /** The default playbook, used to reach a phone whose model is not given. */
    static final String DEFAULT_FAMILY = "st20xx";

    private final Matrix matrix;
    private final Function<String, Playbook> playbooks;
    private final Credentials credentials;
    private final ConsoleConnector connector;
    private final TransferWitness witness;
    private final ConversionListener listener;
    private final Clock clock;
    private final StopSignal stop;

    public Converter(Matrix matrix, Function<String, Playbook> playbooks, Credentials credentials,
            ConsoleConnector connector, TransferWitness witness, ConversionListener listener, Clock clock) {
        this(matrix, playbooks, credentials, connector, witness, listener, clock, new StopSignal());
    }

    /** A converter that stops when {@code stop} asks (Ctrl-C): see {@link StopSignal}. */
    public Converter(Matrix matrix, Function<String, Playbook> playbooks, Credentials credentials,
            ConsoleConnector connector, TransferWitness witness, ConversionListener listener, Clock clock,
            StopSignal stop) {
        this.stop = Objects.requireNonNull(stop, "stop");
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.witness = Objects.requireNonNull(witness, "witness");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the conversion without a journal (dry runs, tests). */
    public ConversionResult convert(Request request) {
        return convert(request, Journal.none(clock));
    }

    /**
     * Runs the conversion, recording its progress in {@code journal}; a phone that fails gives a
     * failed result, never an exception.
     */
    public ConversionResult convert(Request request, Journal journal) {
        Run run = new Run(request, journal, null);
        ConversionResult result;
        while (true) {
            try {
                result = run.execute();
                break;
            } catch (ConsoleLostException e) {
                run.closeConsole();
                if (request.dryRun() || run.attempt >= MAX_RECOVERIES) {
                    result = run.failure(e);
                    break;
                }
                listener.on(new ConversionEvent.Warning(request.phone(), e.getMessage() + "; waiting for the phone to"
                        + " answer again, then carrying on from what it really runs"));
                run = new Run(request, journal, run);
            } catch (St20xxException e) {
                result = run.failure(e);
                break;
            } finally {
                run.closeConsole();
            }
        }
        if (!request.dryRun()) {
            try {
                journal.finish(result.exit() == ExitStatus.INTERRUPTED ? "interrupted" : result.status().name(),
                        result.error().orElse(null));
            } catch (St20xxException e) {
                listener.on(new ConversionEvent.Warning(request.phone(), e.getMessage()));
            }
        }
        return result;
    }

    /** The state of one conversion. */
    private final class Run {
        final Request request;
        final Journal journal;
        final Instant started = clock.instant();
        PhoneConsole console;
        PhoneModel model;
        Playbook playbook;
        Identity identity;
        /** What the phone ran when the conversion started. */
        Load startLoad;
        Plan plan;
        Hop hop;
        String step = "connect";
        int hopsDone;
        InetAddress phoneAddress;
        /** What is in flash as far as this session has seen (file names). */
        String stagedApp;
        String stagedDsp;
        boolean stagedChanged;

        /** 0 for the first attempt; one more for each recovery from a lost console. */
        final int attempt;
        /** The attempt before this one, when this one recovers from a lost console. */
        final Run previous;
        /** A DSP was (or may have been) written to flash and not booted, in this attempt or an earlier one. */
        boolean dspStaged;

        Run(Request request, Journal journal, Run previous) {
            this.request = request;
            this.journal = journal;
            this.previous = previous;
            this.attempt = previous == null ? 0 : previous.attempt + 1;
            if (previous != null) {
                this.startLoad = previous.startLoad;
                this.dspStaged = previous.dspStaged;
                this.hopsDone = previous.hopsDone;
            }
        }

        ConversionResult execute() {
            String family = request.model().map(m -> matrix.requireModel(m).family()).orElse(DEFAULT_FAMILY);
            playbook = playbooks.apply(family);
            if (!connect()) {
                return offlinePlan();
            }
            step = "login";
            loginFirst();
            step = "identify";
            identity = console.identify();
            listener.on(new ConversionEvent.Identified(request.phone(), identity));
            model = checkIdentity();
            if (startLoad == null) {
                startLoad = identity.load();
            }
            if (!request.dryRun()) {
                journal.identified(identity);
            }
            if (!model.family().equals(family)) {
                playbook = playbooks.apply(model.family());
            }
            step = "plan";
            plan = new Planner().plan(new PlanRequest(model, identity.load(), Optional.of(dspIdOf(identity.dsp())),
                    request.target(), request.firmware(), request.flashDspUnknown() || dspStaged));
            if (plan.hops().isEmpty() && (!identity.configOk() || !expectedConfig(identity.load()).map(
                    c -> identity.config().map(c::equals).orElse(true)).orElse(true))) {
                plan = repairPlan();
            }
            listener.on(new ConversionEvent.Planned(request.phone(), plan));
            plan.warnings().stream().filter(w -> !w.startsWith("missing: ")).forEach(this::warn);
            if (request.dryRun()) {
                return result(ConversionResult.Status.planned, Optional.empty(), dryRunLines());
            }
            if (!plan.complete()) {
                throw new St20xxException(ExitStatus.USAGE, "refusing to convert " + request.phone() + ": "
                        + plan.missing().size() + " file(s) the plan needs are missing: " + String.join("; ", plan.missing()));
            }
            if (plan.hops().isEmpty()) {
                // nothing (more) to do: converted when an earlier attempt of this run changed the phone
                return result(startLoad.equals(identity.load()) && hopsDone == 0 ? ConversionResult.Status.skipped
                        : ConversionResult.Status.converted, Optional.empty(), List.of());
            }
            resolvePhoneAddress();
            stagedApp = identity.app().orElse(null);
            stagedDsp = identity.dsp();
            for (Hop h : plan.hops()) {
                hop = h;
                stopIfAsked(false);
                runHop();
                hopsDone++;
            }
            return result(ConversionResult.Status.converted, Optional.empty(), List.of());
        }

        // ---- connecting ---------------------------------------------------------------------

        /**
         * Opens the console, switching telnet on through the web page when asked. Returns false
         * only for a dry run that cannot connect but has --model and --from to plan from.
         */
        boolean connect() {
            if (previous != null && !request.dryRun()) {
                awaitConsole();
                return true;
            }
            try {
                console = connector.connect(request.host(), request.port(), playbook);
                listener.on(new ConversionEvent.Connected(request.phone(), false));
                return true;
            } catch (ConnectException e) {
                if (request.dryRun() && request.model().isPresent() && request.from().isPresent()) {
                    warn("telnet on " + request.phone() + " is closed: planned from --model and --from without asking"
                            + " the phone (a real run needs --enable-telnet)");
                    return false;
                }
                if (!request.enableTelnet()) {
                    throw new StepFailedException("connect", "cannot reach the console of " + request.phone()
                            + ": connection refused. Telnet is off by default on these phones; "
                            + (request.dryRun() ? "a dry run changes nothing, so switch it on first, or give --model and"
                                    + " --from to plan without asking the phone"
                                    : "give --enable-telnet to switch it on through http://" + request.host() + "/telnet.html")
                            + " (or tick Telnet Server on that page by hand)", e);
                }
            } catch (IOException e) {
                throw new StepFailedException("connect", "cannot reach the console of " + request.phone() + ": "
                        + e.getMessage(), e);
            }
            step = "enable-telnet";
            TelnetEnabler.enable(request.host(), request.webPort(), playbook.enableTelnet(), credentials.web());
            connectWithin(TELNET_START, true, last -> new StepFailedException("enable-telnet", "telnet on " + request.phone()
                    + " was switched on through the web page but its console did not answer within "
                    + TELNET_START.toSeconds() + "s", last));
            return true;
        }

        /**
         * Opens the console, trying again every poll interval until {@code within} has passed
         * ({@code telnetEnabledByUs} goes into the Connected event); then throws what {@code giveUp}
         * makes of the last failure (null when there was no attempt).
         */
        void connectWithin(Duration within, boolean telnetEnabledByUs, Function<IOException, StepFailedException> giveUp) {
            Instant deadline = clock.instant().plus(within);
            IOException last = null;
            while (clock.instant().isBefore(deadline)) {
                try {
                    console = connector.connect(request.host(), request.port(), playbook);
                    listener.on(new ConversionEvent.Connected(request.phone(), telnetEnabledByUs));
                    return;
                } catch (IOException e) {
                    last = e;
                    pause(playbook.reboot().pollInterval(), deadline);
                }
            }
            throw giveUp.apply(last);
        }

        /** A dry run's plan from --model and --from alone, the phone not asked. */
        ConversionResult offlinePlan() {
            model = matrix.requireModel(request.model().orElseThrow());
            startLoad = request.from().orElseThrow();
            step = "plan";
            plan = new Planner().plan(new PlanRequest(model, startLoad, Optional.empty(), request.target(),
                    request.firmware(), request.flashDspUnknown()));
            listener.on(new ConversionEvent.Planned(request.phone(), plan));
            return result(ConversionResult.Status.planned, Optional.empty(), dryRunLines());
        }

        /**
         * After a lost console: waits (up to the playbook's return deadline) until the phone answers
         * telnet again. A phone that does not is diagnosed from the step it was in.
         */
        void awaitConsole() {
            Duration limit = playbook.reboot().returnDeadline();
            connectWithin(limit, false, last -> new StepFailedException(previous.step, previous.lostDiagnosis(limit), last));
        }

        /** What a phone that stopped answering during this attempt's current step probably is, and what to do. */
        String lostDiagnosis(Duration waited) {
            String at = hop == null ? request.phone() + ", step " + step : where();
            Playbook.Step s = playbook.steps().get(step);
            boolean flashStep = s != null && s.flash();
            String silent = at + ": the phone stopped answering" + (flashStep ? " during a flash phase ('" + s.describe()
                    + "')" : "") + " and has not answered for " + waited.toSeconds() + "s. ";
            if (stagedChanged && !stagedCompatible()) {
                return silent + "Flash holds " + stagedApp + " with DSP " + stagedDsp + ", a pair the matrix calls"
                        + " incompatible: do NOT power-cycle it (it would boot that pair and brick). If it answers again,"
                        + " run the same command with --resume; if it stays frozen, recovery goes through the boot loader"
                        + " on the serial console (design.md field report).";
            }
            if (flashStep) {
                return silent + "PROBABLE BRICK if power was lost while it wrote flash (seed 000 s2.1); if it is only"
                        + " frozen, flash holds a compatible pair, so power-cycling it cannot make it worse: power-cycle it"
                        + " and run the same command with --resume. A phone that never answers again needs the boot"
                        + " loader on the serial console (design.md field report).";
            }
            return silent + "It may be stuck: power-cycle it (flash holds a compatible pair) and run the same command"
                    + " with --resume.";
        }

        boolean stagedCompatible() {
            if (model == null || !model.hasDsp()) {
                return true;
            }
            Optional<Load> load = stagedApp == null ? Optional.empty() : model.applicationLoad(stagedApp);
            Optional<Dsp> d = stagedDsp == null ? Optional.empty() : model.dspByFile(stagedDsp);
            return load.isPresent() && d.isPresent() && model.compatible(load.get(), d.get().id());
        }

        void loginFirst() {
            List<String> protocols = new ArrayList<>();
            request.from().ifPresent(f -> protocols.add(f.protocol()));
            request.model().map(matrix::requireModel).map(PhoneModel::protocols).ifPresentOrElse(protocols::addAll,
                    () -> matrix.models().values().stream().filter(m -> m.family().equals(DEFAULT_FAMILY))
                            .forEach(m -> protocols.addAll(m.protocols())));
            Map<Account, String> tried = new LinkedHashMap<>();
            for (String p : protocols) {
                Account a = credentials.console(p);
                if (tried.containsKey(a)) {
                    continue;
                }
                tried.put(a, p);
                try {
                    if (tried.size() > 1) {
                        reopen();
                    }
                    console.login(a);
                    return;
                } catch (LoginFailedException e) {
                    // try the next protocol's account
                }
            }
            throw new LoginFailedException("login on " + request.phone() + " failed with "
                    + String.join(" and ", tried.entrySet().stream()
                            .map(e -> "the " + e.getValue().toUpperCase(Locale.ROOT) + " account " + e.getKey()).toList())
                    + "; check the credentials file or ST20XX_<PROTOCOL>_USER/_PASSWORD (seed default: administrator)");
        }

        void reopen() {
            closeConsole();
            try {
                console = connector.connect(request.host(), request.port(), playbook);
            } catch (IOException e) {
                throw new StepFailedException("login", "lost the console of " + request.phone() + " while trying"
                        + " another account: " + e.getMessage(), e);
            }
        }

        PhoneModel checkIdentity() {
            PhoneModel found = matrix.model(identity.model()).orElseThrow(() -> refuse("the phone at " + request.phone()
                    + " says it is a " + identity.model() + ", a model " + matrix.source() + " does not know"));
            request.model().map(matrix::requireModel).filter(m -> !m.name().equals(found.name())).ifPresent(m -> {
                throw refuse("--model " + request.model().get() + " but the phone at " + request.phone() + " says it is a "
                        + found.name());
            });
            request.from().filter(f -> !f.equals(identity.load())).ifPresent(f -> {
                throw refuse("--from " + f.protocol() + ":" + f.version() + " but the phone at " + request.phone()
                        + " runs " + identity.load() + "; check which phone this is, or leave out --from");
            });
            if (found.dspByFile(identity.dsp()).isEmpty()) {
                throw refuse("the phone at " + request.phone() + " runs DSP " + identity.dsp() + ", which "
                        + matrix.source() + " does not know for " + found.name());
            }
            return found;
        }

        /** The configuration file the phone should have on {@code load}, when known. */
        Optional<String> expectedConfig(Load load) {
            if (request.firmware().isPresent()) {
                return request.firmware().get().config(model.name(), load).map(f -> f.name());
            }
            return model.release(load).flatMap(r -> r.config());
        }

        /**
         * The phone runs the target but its configuration is not the target's (an interrupted
         * conversion, or a protocol change without the clean sequence): one hop onto the same
         * load, keeping the DSP, repairs it.
         */
        Plan repairPlan() {
            Load load = identity.load();
            Optional<Dsp> dsp = model.dspByFile(identity.dsp());
            Optional<String> app = request.firmware().isPresent()
                    ? request.firmware().get().application(model.name(), load).map(f -> f.name())
                    : model.release(load).flatMap(r -> r.app());
            Optional<String> config = expectedConfig(load);
            Hop repair = new Hop(1, load, load, dsp, dsp, request.flashDspUnknown() || dspStaged, app, dsp.map(Dsp::file), config,
                    model.rebootsPerHop());
            List<String> missing = new ArrayList<>();
            app.ifPresentOrElse(a -> { }, () -> missing.add("the application of " + model.name() + " " + load));
            config.ifPresentOrElse(c -> { }, () -> missing.add("the configuration of " + model.name() + " " + load));
            List<String> warnings = new ArrayList<>(plan.warnings());
            warnings.removeIf(w -> w.contains(": nothing to do"));
            warnings.add("the phone runs " + load + " but its configuration is "
                    + identity.config().orElse("unknown") + " (" + identity.configState().orElse("?")
                    + "): one hop onto the same load repairs it");
            missing.forEach(m -> warnings.add("missing: " + m));
            return new Plan(model.name(), load, dsp, load, List.of(repair), warnings, missing);
        }

        String dspIdOf(String file) {
            return model.dspByFile(file).map(Dsp::id).orElseThrow();
        }

        void resolvePhoneAddress() {
            try {
                phoneAddress = InetAddress.getByName(request.host());
            } catch (UnknownHostException e) {
                throw new StepFailedException("connect", "cannot resolve " + request.host(), e);
            }
        }

        // ---- hops ---------------------------------------------------------------------------

        void runHop() {
            listener.on(new ConversionEvent.HopStarted(request.phone(), hop, plan.hops().size()));
            List<Playbook.Phase> phases = List.of(playbook.beforeReboot(), playbook.afterReboot());
            Map<String, String> vars = Playbook.Step.vars(request.tftpServer(), hop);
            for (int i = 0; i < phases.size(); i++) {
                Playbook.Phase phase = phases.get(i);
                boolean last = i == phases.size() - 1;
                runPhase(phase, last, vars);
            }
            listener.on(new ConversionEvent.HopDone(request.phone(), hop, identity));
        }

        void runPhase(Playbook.Phase phase, boolean lastPhase, Map<String, String> vars) {
            List<Playbook.Step> steps = phase.steps().stream().map(playbook::step)
                    .filter(s -> s.appliesTo(hop.dspWrite()))
                    .toList();
            stagedChanged = false;
            for (int i = 0; i < steps.size(); i++) {
                Playbook.Step s = steps.get(i);
                step = s.name();
                stopIfAsked(phase == playbook.beforeReboot() && stagedChanged);
                String line = s.render(vars);
                listener.on(new ConversionEvent.StepStarted(request.phone(), hop, i + 1, steps.size(), s.name(),
                        s.describe(), line));
                Instant t0 = clock.instant();
                journal.at(hop.number(), plan.hops().size(), hop.from().toString(), hop.to().toString(),
                        phase == playbook.beforeReboot() ? "before_reboot" : "after_reboot", s.name());
                s.transfer().filter(k -> !k.equals("config")).ifPresent(k -> journal.staging(k, fileOf(k)));
                if (s.transfer().filter("dsp"::equals).isPresent()) {
                    dspStaged = true;
                }
                if (s.reboot()) {
                    gate(s);
                    onConsole(() -> console.run(s, line));
                    afterReboot(lastPhase);
                } else {
                    onConsole(() -> console.run(s, line));
                    s.transfer().ifPresent(kind -> verifyTransfer(kind, fileOf(kind), t0));
                }
                journal.verified("hop " + hop.number() + " " + s.name());
                listener.on(new ConversionEvent.StepDone(request.phone(), hop, i + 1, steps.size(), s.name(),
                        Duration.between(t0, clock.instant())));
            }
        }

        String fileOf(String kind) {
            return switch (kind) {
                case "app" -> hop.app().orElseThrow();
                case "dsp" -> hop.dspFile().orElseThrow();
                default -> hop.config().orElseThrow();
            };
        }

        void verifyTransfer(String kind, String file, Instant since) {
            if (witness.sees()) {
                Optional<TransferWitness.Proof> t = witness.claim(phoneAddress, file, since, TRANSFER_GRACE);
                if (t.isEmpty()) {
                    throw new StepFailedException(step, where() + ": the console says " + file + " arrived, but the"
                            + " TFTP server sent no such file to " + phoneAddress.getHostAddress()
                            + " (is the phone using another TFTP server?)", null);
                }
                if (!t.get().complete()) {
                    throw new StepFailedException(step, where() + ": the console says " + file + " arrived, but the"
                            + " TFTP server's transfer did not complete (" + t.get().outcome() + ", " + t.get().bytes()
                            + " bytes)", null);
                }
            }
            if (kind.equals("app")) {
                stagedApp = file;
                stagedChanged = true;
            } else if (kind.equals("dsp")) {
                stagedDsp = file;
                stagedChanged = true;
            }
        }

        /**
         * The safety gate: before a reboot, flash must hold exactly the hop's application and DSP,
         * and the matrix must call that pair compatible. Otherwise the phone is not rebooted.
         */
        void gate(Playbook.Step reboot) {
            String app = hop.app().orElseThrow();
            String dsp = hop.dspFile().orElse(null);
            List<String> wrong = new ArrayList<>();
            if (!app.equals(stagedApp)) {
                wrong.add("the application in flash is " + (stagedApp == null ? "unknown" : stagedApp) + ", the plan needs " + app);
            }
            if (model.hasDsp() && !Objects.equals(dsp, stagedDsp)) {
                wrong.add("the DSP in flash is " + stagedDsp + ", the plan needs " + dsp);
            }
            if (wrong.isEmpty() && !stagedCompatible()) {
                wrong.add(stagedApp + " with " + stagedDsp + " is not a pair the matrix calls compatible");
            }
            if (!wrong.isEmpty()) {
                throw new StepFailedException(reboot.name(), where() + ": safety gate: not rebooting because "
                        + String.join("; ", wrong) + ". " + stagedWarning(), null);
            }
        }

        String stagedWarning() {
            if (!stagedChanged) {
                return "Flash was not changed in this session.";
            }
            return "Flash now holds " + stagedApp + (model.hasDsp() ? " with DSP " + stagedDsp : "")
                    + ": do not power-cycle the phone; run the same convert with --resume to repeat this hop's downloads.";
        }

        void afterReboot(boolean lastPhase) {
            step = step + " (wait for the disconnect)";
            onConsole(() -> {
                console.awaitDisconnect(playbook.reboot().disconnectTimeout());
                return null;
            });
            closeConsole();
            listener.on(new ConversionEvent.Waiting(request.phone(), hop, "rebooting onto " + hop.to()
                    + "; waiting up to " + playbook.reboot().returnDeadline().toSeconds() + "s for its console"));
            console = awaitReturn(credentials.console(hop.to().protocol()));
            step = "identify after reboot";
            identity = onConsole(console::identify);
            listener.on(new ConversionEvent.Identified(request.phone(), identity));
            List<String> wrong = new ArrayList<>();
            if (!identity.load().equals(hop.to())) {
                wrong.add("it runs " + identity.load() + ", not " + hop.to());
            }
            hop.dspFile().filter(d -> !d.equals(identity.dsp())).ifPresent(d -> wrong.add("its DSP is "
                    + identity.dsp() + ", not " + d));
            if (lastPhase) {
                hop.config().filter(c -> identity.config().isPresent() && !c.equals(identity.config().get()))
                        .ifPresent(c -> wrong.add("its configuration is " + identity.config().get() + ", not " + c));
                if (!identity.configOk()) {
                    wrong.add("its configuration is " + identity.configState().orElse("broken"));
                }
            }
            if (!wrong.isEmpty()) {
                throw new StepFailedException(step, where() + ": after the reboot the phone is not what the plan"
                        + " promised: " + String.join("; ", wrong) + " (phone now: " + identity + ")", null);
            }
            stagedApp = identity.app().orElse(stagedApp);
            stagedDsp = identity.dsp();
            stagedChanged = false;
            dspStaged = false;
            journal.rebooted(identity);
        }

        PhoneConsole awaitReturn(Account account) {
            Duration deadlineIn = playbook.reboot().returnDeadline();
            Instant deadline = clock.instant().plus(deadlineIn);
            Exception last = null;
            while (clock.instant().isBefore(deadline)) {
                PhoneConsole c = null;
                try {
                    c = connector.connect(request.host(), request.port(), playbook);
                    step = "login after reboot";
                    c.login(account);
                    return c;
                } catch (LoginFailedException e) {
                    c.close();
                    throw new StepFailedException("login after reboot", where() + ": the phone is back but refused the "
                            + hop.to().protocol().toUpperCase(Locale.ROOT) + " account " + account, e);
                } catch (IOException | St20xxException e) {
                    if (c != null) {
                        c.close();
                    }
                    last = e;
                    pause(playbook.reboot().pollInterval(), deadline);
                }
            }
            throw new StepFailedException("reboot", where() + ": the phone did not come back within "
                    + deadlineIn.toSeconds() + "s after rebooting onto " + hop.to() + " (last: "
                    + (last == null ? "no attempt" : last.getMessage()) + "). It may still be booting, or be stuck:"
                    + " check its screen; do not power-cycle it during a flash phase", last);
        }

        /**
         * Stops when asked: at once for a second Ctrl-C; for the first only outside a flash phase
         * ({@code inFlashPhase}: flash holds files the phone has not booted yet, which must reach
         * the reboot onto the compatible pair first).
         */
        void stopIfAsked(boolean inFlashPhase) {
            int level = stop.level();
            if (level == StopSignal.NOW || (level == StopSignal.SAFE_POINT && !inFlashPhase)) {
                String at = hop == null ? request.phone() : where();
                String state = stagedChanged ? stagedWarning()
                        : "The phone runs " + (identity == null ? "what it ran before" : identity.toString())
                                + " and is sound (flash holds what it runs).";
                throw new StepFailedException(ExitStatus.INTERRUPTED, step, "stopped " + (level == StopSignal.NOW
                        ? "at once (second Ctrl-C)" : "at a safe point") + " at " + at + ". " + state
                        + " Run the same command with --resume to continue.", null);
            }
        }

        /** Runs a console action, naming the phone, hop and step in any failure. */
        <T> T onConsole(java.util.function.Supplier<T> action) {
            try {
                return action.get();
            } catch (ConsoleLostException e) {
                throw new ConsoleLostException(e.step(), where() + ": " + e.getMessage(), e);
            } catch (StepFailedException e) {
                throw new StepFailedException(e.status(), e.step(), where() + ": " + e.getMessage(), e);
            } catch (St20xxException e) {
                throw new StepFailedException(e.status(), step, where() + ": " + e.getMessage(), e);
            }
        }

        // ---- results ------------------------------------------------------------------------

        String where() {
            return request.phone() + " hop " + hop.number() + "/" + plan.hops().size() + " (" + hop.from() + " -> "
                    + hop.to() + "), step " + step;
        }

        void warn(String message) {
            listener.on(new ConversionEvent.Warning(request.phone(), message));
        }

        St20xxException refuse(String message) {
            return new St20xxException(ExitStatus.USAGE, message);
        }

        List<String> dryRunLines() {
            List<String> lines = new ArrayList<>();
            for (Hop h : plan.hops()) {
                Map<String, String> vars = Playbook.Step.vars(request.tftpServer(), h);
                lines.add("# hop " + h.number() + "/" + plan.hops().size() + ": " + h.from() + " -> " + h.to());
                for (Playbook.Phase phase : List.of(playbook.beforeReboot(), playbook.afterReboot())) {
                    String proto = phase.account().equals("from") ? h.from().protocol() : h.to().protocol();
                    Account a = credentials.console(proto);
                    lines.add("Login: " + a.user());
                    lines.add("Password: " + Secret.MASK);
                    for (String name : phase.steps()) {
                        Playbook.Step s = playbook.step(name);
                        if (!s.appliesTo(h.dspWrite())) {
                            continue;
                        }
                        lines.add(s.render(vars));
                    }
                }
            }
            return lines;
        }

        ConversionResult result(ConversionResult.Status status, Optional<String> error, List<String> lines) {
            return new ConversionResult(request.phone(), status, ExitStatus.OK, Optional.ofNullable(startLoad), Optional.ofNullable(plan).map(Plan::target),
                    Optional.ofNullable(plan), hopsDone, error, Optional.empty(),
                    Duration.between(started, clock.instant()), lines);
        }

        ConversionResult failure(St20xxException e) {
            String failedStep = e instanceof StepFailedException sf ? sf.step() : step;
            if (plan == null && previous != null) {
                plan = previous.plan;
            }
            String message = e.getMessage();
            if (stagedChanged && !message.contains("Flash now holds")) {
                message = message + ". " + stagedWarning();
            }
            return new ConversionResult(request.phone(), ConversionResult.Status.failed, e.status(),
                    Optional.ofNullable(startLoad), Optional.ofNullable(plan).map(Plan::target),
                    Optional.ofNullable(plan), hopsDone, Optional.of(message), Optional.of(failedStep),
                    Duration.between(started, clock.instant()), List.of());
        }

        void closeConsole() {
            if (console != null) {
                console.close();
                console = null;
            }
        }

        void pause(Duration wanted, Instant deadline) {
            long millis = Math.min(wanted.toMillis(), Math.max(0, Duration.between(clock.instant(), deadline).toMillis()));
            if (stop.level() == StopSignal.NOW) {
                stopIfAsked(true);
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new St20xxException(ExitStatus.INTERRUPTED, "interrupted at " + request.phone() + ", step " + step);
            }
        }
    }
}
