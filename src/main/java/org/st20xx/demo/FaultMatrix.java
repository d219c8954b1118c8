package org.st20xx.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.batch.BatchListener;
import org.st20xx.batch.BatchReport;
import org.st20xx.batch.BatchRunner;
import org.st20xx.batch.PhoneOutcome;
import org.st20xx.batch.PhoneRow;
import org.st20xx.convert.Bench;
import org.st20xx.convert.ConversionResult;
import org.st20xx.convert.StopSignal;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Target;
import org.st20xx.sim.Fault;
import org.st20xx.sim.FaultKind;
import org.st20xx.sim.FirmwareFixtures;
import org.st20xx.sim.FirmwareNames;
import org.st20xx.sim.PhoneState;
import org.st20xx.sim.PhoneStatus;
import org.st20xx.sim.SimConfig;
import org.st20xx.sim.SimulatedLab;
import org.st20xx.sim.SimulatedPhone;

/**
 * The fault matrix of issue 9: every fault kind of the simulator at every console command of a
 * hop, for both models, each phone converted (the same code as {@code convert}, many phones at
 * once), then, where the phone is stuck, power-cycled as a technician would (unless the tool said
 * not to), then converted again with the journal's precautions (as {@code --resume}). Produces
 * one row per case: fault, command, what the tool reported, final phone state.
 */
public final class FaultMatrix {
    /**
     * The console commands of one hop, in order, as the simulator counts them: first word and which
     * time it is typed on the phone. {@code sys:1} and {@code sys:2} are the {@code sys info} of the
     * batch's check and of the conversion itself; {@code sys:4} the one after the first reboot.
     */
    public static final List<String> HOP_COMMANDS = List.of("tftp:1", "tftp:2", "sys:3", "ffs:1", "ffs:2", "ffs:3",
            "flash:1", "reboot:1", "tftp:3", "tftp2:1", "reboot:2");
    /** What each of {@link #HOP_COMMANDS} is. */
    public static final List<String> HOP_LINES = List.of("tftp <app>", "tftp <dsp>", "sys set rel 0", "ffs format",
            "ffs commit", "ffs commit", "flash clean nmm", "reboot immediate", "tftp <app> (again)", "tftp2 telcfg <config>",
            "reboot");

    /** One case: a model on a one-hop conversion that writes a DSP, with one fault. */
    public record Case(String model, String start, String target, String hopLabel, FaultKind kind, String command) {
        String word() {
            return command.split(":")[0];
        }

        /**
         * Bricking that no tool can prevent: power lost inside a flash phase (seed 000 s2.1), or a
         * phone frozen when the DSP download begins, with the new application already in flash
         * and the old DSP (any power cycle then boots an incompatible pair).
         */
        public boolean brickByDefinition() {
            return kind == FaultKind.POWER_LOSS && Fault.FLASH_COMMANDS.contains(word())
                    || kind == FaultKind.NO_RETURN && command.equals("tftp:2");
        }
    }

    /** What happened to one case. */
    public record Row(Case c, String firstRun, String firstError, boolean powerCycled, String secondRun, String finalState,
            boolean bricked, boolean onTarget) {
        /** The fault matrix's promise for this case. */
        public boolean asPromised() {
            return c.brickByDefinition() ? !firstRun.startsWith("converted") : onTarget && !bricked;
        }
    }

    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        String[][] hops = {{"ST2030", "sip:2.67", "sip:1.66", "SIP 2.67 -> SIP 1.66.2 (bridge, DSP v3.10 -> v1.01)"},
            {"ST2022", "mgcp:3.55.2", "sip:3.65", "MGCP 3.55.2 -> SIP 3.65.1 (DSP v3.00 MGCP -> v3.00 SIP)"}};
        for (String[] h : hops) {
            for (FaultKind kind : FaultKind.values()) {
                for (String command : HOP_COMMANDS) {
                    if (kind.canHit(command)) {
                        out.add(new Case(h[0], h[1], h[2], h[3], kind, command));
                    }
                }
            }
        }
        return out;
    }

    private final Matrix matrix;
    private final Path dir;
    private final Duration boot;

    public FaultMatrix(Matrix matrix, Path dir, Duration boot) {
        this.matrix = matrix;
        this.dir = dir;
        this.boot = boot;
    }

    /** Runs every case; {@code progress} hears one line per stage. */
    public List<Row> run(List<Case> cases, Consumer<String> progress) throws IOException {
        Path firmware = Files.createDirectories(dir.resolve("firmware"));
        Path playbook = fastPlaybook();
        List<Row> rows = new ArrayList<>();
        for (String model : cases.stream().map(Case::model).distinct().toList()) {
            FirmwareFixtures.of(matrix.requireModel(model)).writeAll(firmware);
            List<Case> mine = cases.stream().filter(c -> c.model().equals(model)).toList();
            progress.accept(model + ": " + mine.size() + " faulted phones");
            rows.addAll(runModel(mine, firmware, playbook, progress));
        }
        return rows;
    }

    private List<Row> runModel(List<Case> cases, Path firmware, Path playbook, Consumer<String> progress) throws IOException {
        int tftpPort = Demo.freeUdpPort();
        Case first = cases.get(0);
        PhoneModel model = matrix.requireModel(first.model());
        Target wanted = Target.parse(first.target(), "target");
        SimConfig.Builder b = SimConfig.builder(first.model(), first.start()).matrix(matrix).count(cases.size())
                .bind(first.model().equals("ST2030") ? "127.0.40.1" : "127.0.41.1").tftpPort(tftpPort)
                .telnetEnabled(true).bootTime(boot).stateDir(dir.resolve("state-" + first.model()));
        for (int i = 0; i < cases.size(); i++) {
            b.fault((i + 1) + ":" + cases.get(i).kind().word() + ":" + cases.get(i).command());
        }
        Bench.Options options = new Bench.Options(matrix, Optional.of(playbook), Optional.of(firmware), Optional.empty(),
                tftpPort, Optional.empty(), dir.resolve("runs-" + first.model()));
        try (SimulatedLab lab = SimulatedLab.start(b.build()); Bench bench = new Bench(options, Clock.systemUTC())) {
            List<PhoneRow> phones = new ArrayList<>();
            for (SimulatedPhone p : lab.phones()) {
                phones.add(new PhoneRow(p.number() + 1, p.telnetAddress().getAddress().getHostAddress(),
                        Optional.of(p.telnetAddress().getPort()), Optional.empty(), Optional.of(first.model()),
                        Optional.empty(), wanted, Optional.empty(), java.util.Map.of()));
            }
            BatchReport one = runBatch(bench, phones, Set.of());
            progress.accept(first.model() + ": first run done: " + one.count(ConversionResult.Status.converted) + " converted, "
                    + one.failed().size() + " failed");
            Set<String> converted = new HashSet<>();
            List<Boolean> cycled = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                PhoneOutcome o = one.phones().get(i);
                if (o.result().status() == ConversionResult.Status.converted) {
                    converted.add(o.phone());
                }
                PhoneState s = state(lab.phone(i + 1));
                boolean advisedNot = o.result().error().map(e -> e.contains("do NOT power-cycle")).orElse(false);
                boolean cycle = s.status() == PhoneStatus.STUCK && !advisedNot;
                if (cycle) {
                    lab.phone(i + 1).powerCycle();
                }
                cycled.add(cycle);
            }
            awaitUp(lab, cycled);
            BatchReport two = runBatch(bench, phones, converted);
            progress.accept(first.model() + ": second run (resume) done");
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                PhoneState s = state(lab.phone(i + 1));
                Load running = model.applicationLoad(s.app()).orElse(null);
                boolean onTarget = running != null && running.protocol().equals(wanted.protocol())
                        && running.version().startsWith(wanted.version().orElseThrow())
                        && s.status() == PhoneStatus.RUNNING
                        && FirmwareNames.config(model, running).equals(s.config());
                String secondRun = converted.contains(one.phones().get(i).phone()) ? "-" : describe(two.phones().get(i).result());
                rows.add(new Row(cases.get(i), describe(one.phones().get(i).result()),
                        one.phones().get(i).result().error().orElse(""), cycled.get(i), secondRun,
                        s.protocol() + " " + s.version() + ", " + s.status().name().toLowerCase(Locale.ROOT)
                                + (s.bricked() ? " (bricked: " + s.brickReason() + ")" : ""), s.bricked(), onTarget));
            }
            return rows;
        }
    }

    /** Waits (bounded) until the power-cycled phones have booted, as a technician would before resuming. */
    private void awaitUp(SimulatedLab lab, List<Boolean> cycled) throws IOException {
        Instant deadline = Instant.now().plus(boot.multipliedBy(20).plusSeconds(10));
        for (int i = 0; i < cycled.size(); i++) {
            if (!cycled.get(i)) {
                continue;
            }
            while (state(lab.phone(i + 1)).status() == PhoneStatus.BOOTING && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    private BatchReport runBatch(Bench bench, List<PhoneRow> phones, Set<String> skip) {
        BatchRunner.Options o = new BatchRunner.Options("fault-matrix", phones.size(), false, Integer.MAX_VALUE, false, skip,
                23, 80);
        return new BatchRunner(bench, BatchListener.NONE, new StopSignal()).run(phones, o);
    }

    private static PhoneState state(SimulatedPhone p) throws IOException {
        return PhoneState.read(p.stateFile().orElseThrow());
    }

    private static String describe(ConversionResult r) {
        if (r.status() != ConversionResult.Status.failed) {
            return r.status().name();
        }
        String e = r.error().orElse("");
        String why = e.contains("do NOT power-cycle") ? "frozen with an incompatible pair in flash; told not to power-cycle"
                : e.contains("PROBABLE BRICK") ? "silent in a flash phase: probable brick, or power-cycle and resume"
                : e.contains("did not come back") ? "did not come back after the reboot"
                : e.contains("stopped answering") ? "stopped answering: power-cycle and resume"
                : e.contains("safety gate") ? "safety gate refused the reboot"
                : e.contains("the phone answered") ? "the phone answered an error"
                : "failed";
        return "failed at " + r.failedStep().orElse("?") + ": " + why;
    }

    /** The shipped playbook with short timeouts (simulated phones answer in milliseconds). */
    private Path fastPlaybook() throws IOException {
        String text;
        try (InputStream in = FaultMatrix.class.getResourceAsStream("/st20xx/playbooks/st20xx.yaml")) {
            if (in == null) {
                throw new St20xxException(ExitStatus.USAGE, "the built-in playbook is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fast = text.replaceAll("(?m)^(\\s+timeout: )\\d+s", "$1" + "8s")
                .replaceAll("(?m)^(\\s+return_deadline: )\\d+s", "$1" + "12s")
                .replaceAll("(?m)^(\\s+disconnect_timeout: )\\d+s", "$1" + "8s")
                .replaceAll("(?m)^(\\s+poll_interval: )\\S+", "$1" + "200ms");
        return Files.writeString(dir.resolve("st20xx-fast.yaml"), fast);
    }

    /** The table for docs/fault-matrix.md. */
    public static String markdown(List<Row> rows, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Fault matrix\n\n");
        sb.append("Generated by `").append(command).append("`; do not edit by hand.\n\n");
        sb.append("Every fault kind of the simulator (`--fault PHONE:KIND:COMMAND:N`) at every console command of a hop,\n");
        sb.append("for both models, on a one-hop conversion that writes a DSP. Each phone is converted (the code of\n");
        sb.append("`convert`, many phones at once); a phone left stuck is power-cycled as a technician would, unless the\n");
        sb.append("tool said not to; then every phone not converted is converted again with its journal's precautions\n");
        sb.append("(as `convert --resume`). \"Brick by definition\" marks power lost inside a flash phase (seed 000 s2.1)\n");
        sb.append("and a phone frozen as its DSP download begins, with the new application already in flash: no tool\n");
        sb.append("can save those. Every other case must end on the target, not bricked.\n\n");
        long promised = rows.stream().filter(Row::asPromised).count();
        sb.append("Result: ").append(promised).append(" of ").append(rows.size()).append(" cases as promised; ")
                .append(rows.stream().filter(Row::bricked).count()).append(" bricked, all by definition: ")
                .append(rows.stream().filter(r -> r.bricked() && !r.c().brickByDefinition()).count() == 0 ? "yes" : "NO")
                .append(".\n\n");
        String model = null;
        for (Row r : rows) {
            if (!r.c().model().equals(model)) {
                model = r.c().model();
                sb.append("\n## ").append(model).append(": ").append(r.c().hopLabel()).append("\n\n");
                sb.append("| fault | command | first run | power-cycled | second run (resume) | final phone state | as promised |\n");
                sb.append("|---|---|---|---|---|---|---|\n");
            }
            sb.append("| ").append(r.c().kind().word()).append(" | `").append(r.c().command()).append("` ")
                    .append(HOP_LINES.get(HOP_COMMANDS.indexOf(r.c().command()))).append(" | ")
                    .append(r.firstRun()).append(" | ").append(r.powerCycled() ? "yes" : "no").append(" | ")
                    .append(r.secondRun()).append(" | ").append(r.finalState())
                    .append(r.c().brickByDefinition() ? " (brick by definition)" : "").append(" | ")
                    .append(r.asPromised() ? "yes" : "**NO**").append(" |\n");
        }
        return sb.toString();
    }
}
