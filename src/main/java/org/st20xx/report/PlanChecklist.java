package org.st20xx.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.st20xx.matrix.Dsp;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;
import org.st20xx.playbook.Playbook;

/**
 * The plan as a checklist a technician can follow by hand: per hop, its files, the account to log
 * in with, every console line in order, and where the phone reboots onto which pair.
 */
public final class PlanChecklist {
    private static final String MISSING = "<missing>";

    private PlanChecklist() {
    }

    /**
     * @param playbook the console dialogue, or empty for models driven without a console (then
     *                 only the files are listed)
     * @param server   how to show the TFTP server's address, e.g. {@code <tftp-server>}
     */
    public static String render(Plan plan, Optional<Playbook> playbook, String server, String matrixSource) {
        return render(plan, matrixSource, "convert", (sb, hop) -> hop(sb, plan, hop, playbook, server));
    }

    /**
     * The frame every checklist shares: the header, each hop as {@code hopWriter} writes it, and
     * the files the plan lacks ({@code refuser} names the command that refuses to go on without them).
     */
    public static String render(Plan plan, String matrixSource, String refuser, BiConsumer<StringBuilder, Hop> hopWriter) {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan for ").append(plan.model()).append(": ").append(plan.from())
                .append(plan.fromDsp().map(d -> " (DSP " + d.label() + ")").orElse(""))
                .append(" -> ").append(plan.target()).append('\n');
        if (plan.hops().isEmpty()) {
            sb.append("  nothing to do: the phone already runs the target\n");
            return sb.toString();
        }
        sb.append("  ").append(plan.hops().size()).append(plan.hops().size() == 1 ? " hop, " : " hops, ")
                .append(plan.reboots()).append(" reboots, ").append(plan.flashWrites()).append(" flash writes")
                .append("; matrix: ").append(matrixSource).append('\n');
        for (Hop hop : plan.hops()) {
            sb.append('\n');
            hopWriter.accept(sb, hop);
        }
        if (!plan.missing().isEmpty()) {
            sb.append("\nNot ready: ").append(plan.missing().size()).append(plan.missing().size() == 1 ? " file is" : " files are")
                    .append(" missing (").append(refuser).append(" refuses until they are in the firmware directory):\n");
            plan.missing().forEach(m -> sb.append("  - ").append(m).append('\n'));
        }
        return sb.toString();
    }

    private static void hop(StringBuilder sb, Plan plan, Hop hop, Optional<Playbook> playbook, String server) {
        sb.append("Hop ").append(hop.number()).append(" of ").append(plan.hops().size()).append(": ")
                .append(hop.from()).append(" -> ").append(hop.to()).append('\n');
        sb.append("  application  ").append(hop.app().orElse(MISSING)).append('\n');
        if (hop.dsp().isPresent()) {
            Dsp dsp = hop.dsp().get();
            sb.append("  DSP          ").append(hop.dspFile().orElse(MISSING)).append(" (").append(dsp.label())
                    .append(hop.dspWrite() ? ")" : "; already in flash, kept)").append('\n');
        }
        if (hop.config().isPresent() || hop.dsp().isPresent()) {
            sb.append("  config       ").append(hop.config().orElse(MISSING)).append('\n');
        }
        if (playbook.isEmpty()) {
            return;
        }
        Playbook pb = playbook.get();
        Map<String, String> vars = Playbook.Step.vars(server, hop);
        String pair = hop.to() + hop.dsp().map(d -> " + DSP " + d.label()).orElse("");
        int reboot = 0;
        for (Playbook.Phase phase : List.of(pb.beforeReboot(), pb.afterReboot())) {
            String account = phase.account().equals("from") ? hop.from().protocol() : hop.to().protocol();
            sb.append("  [ ] ").append(reboot == 0 ? "telnet to the phone" : "wait until telnet answers again")
                    .append("; log in with the ").append(account.toUpperCase(Locale.ROOT)).append(" administrator account\n");
            for (String name : phase.steps()) {
                Playbook.Step step = pb.step(name);
                if (!step.appliesTo(hop.dspWrite())) {
                    continue;
                }
                String line = step.render(vars);
                sb.append("  [ ] ").append(line);
                if (step.reboot()) {
                    reboot++;
                    pad(sb, line);
                    sb.append("REBOOT ").append(reboot).append('/').append(hop.reboots()).append(": boots ").append(pair);
                }
                sb.append('\n');
            }
        }
    }

    /** Pads {@code line} (already in {@code sb}) to the column where reboot notes start. */
    static void pad(StringBuilder sb, String line) {
        sb.append(" ".repeat(Math.max(2, 44 - line.length())));
    }
}
