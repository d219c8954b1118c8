package org.st20xx.report;

import java.util.List;
import java.util.Locale;
import org.st20xx.cisco.BootSequence;
import org.st20xx.cisco.HopFiles;
import org.st20xx.cisco.Provisioner;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;

/**
 * The plan of a phone that loads its firmware from TFTP files (Cisco 7940/7960) as a checklist:
 * per hop, the image, the {@code st20xx provision} command that writes the hop's files, when to
 * power-cycle the phone, and every file it then asks for, in order, with the reboot.
 */
public final class ProvisionChecklist {
    public static final String MAC = "<MAC>";
    private static final String ROOT = "<tftp-root>";

    private ProvisionChecklist() {
    }

    public static String render(Plan plan, PhoneModel model, String matrixSource) {
        return PlanChecklist.render(plan, matrixSource, "provision", (sb, hop) -> hop(sb, plan, model, hop));
    }

    /** The image a hop installs, or a placeholder such as {@code <SCCP 6.3>} when no file is known. */
    public static String imageOrPlaceholder(PhoneModel model, Hop hop) {
        return Provisioner.imageOf(model, hop).orElse(placeholder(hop.to()));
    }

    public static String placeholder(Load load) {
        return "<" + load.protocol().toUpperCase(Locale.ROOT) + " " + load.version() + ">";
    }

    private static void hop(StringBuilder sb, Plan plan, PhoneModel model, Hop hop) {
        sb.append("Hop ").append(hop.number()).append(" of ").append(plan.hops().size()).append(": ")
                .append(hop.from()).append(" -> ").append(hop.to()).append('\n');
        String image = imageOrPlaceholder(model, hop);
        HopFiles files = HopFiles.of(model, MAC, hop.from(), hop.to(), image);
        sb.append("  image        ").append(hop.app().isPresent() ? image : "<missing>").append('\n');
        sb.append("  [ ] st20xx provision --model ").append(model.name()).append(" --mac ").append(MAC)
                .append(" --from ").append(ResultJson.load(hop.from())).append(" --target ")
                .append(ResultJson.load(hop.to())).append(" --tftp-root ").append(ROOT).append('\n');
        sb.append("      writes ").append(String.join(", ", files.names())).append(", each naming ").append(image)
                .append('\n');
        sb.append("  [ ] power-cycle the phone (unplug the power, or the Ethernet cable when powered inline);")
                .append(" it asks for:\n");
        sequence(sb, BootSequence.of(files, name -> false), "        ", hop.reboots());
        sb.append("  [ ] check Settings > Status > Firmware Versions shows ").append(image).append('\n');
    }

    /** Writes the requests of a boot sequence, one a line, the reboot noted where the phone flashes. */
    public static void sequence(StringBuilder sb, BootSequence seq, String indent, int reboots) {
        for (BootSequence.Step step : seq.steps()) {
            if (step instanceof BootSequence.Request r) {
                sb.append(indent).append(r.file()).append(!r.provided() ? "    (if present; st20xx writes no "
                        + r.file() + ")" : "").append('\n');
            } else if (step instanceof BootSequence.Install i) {
                List<String> files = i.files();
                for (int k = 0; k < files.size(); k++) {
                    String line = indent + files.get(k);
                    sb.append(line);
                    if (k == files.size() - 1) {
                        PlanChecklist.pad(sb, line);
                        sb.append("REBOOT ").append(reboots).append('/').append(reboots)
                                .append(": writes the image to flash, boots ").append(i.onto());
                    }
                    sb.append('\n');
                }
            }
        }
    }
}
