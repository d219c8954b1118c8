package org.st20xx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.st20xx.St20xxException;
import org.st20xx.cisco.HopFiles;
import org.st20xx.cisco.Provisioner;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;
import org.st20xx.plan.PlanRequest;
import org.st20xx.plan.Planner;
import org.st20xx.plan.Target;
import org.st20xx.playbook.Playbook;
import org.st20xx.playbook.PlaybookLoader;
import org.st20xx.report.Json;
import org.st20xx.report.PlanChecklist;
import org.st20xx.report.PlanJson;
import org.st20xx.report.ProvisionChecklist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan",
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Preview the safe hops from a phone's load to a target, without touching any phone.",
        description = {
            "Searches the firmware matrix for the shortest chain of reboots that no rule of the matrix "
                + "forbids and that never lands on an application/DSP pair it calls incompatible. "
                + "ST2030/ST2022: never MGCP <-> SIP 2.6x/4.6x directly; SIP 2.67+/4.67+ only through "
                + "1.66/3.66. Cisco 7940/7960: no image below 5.0 once on 5.0+; SIP 4.x and earlier to SCCP "
                + "6.x+ through SCCP 6.3; SCCP to SIP 3.x/4.x through SIP 2.3; SIP 2.1 and earlier take only "
                + "8.3 names. Among safe plans: fewest reboots, then flash writes.",
            "",
            "The text output is a checklist to follow by hand (Cisco: per hop the provision command, when "
                + "to power-cycle, every file the phone asks for); --format json is for scripts. With "
                + "--firmware DIR (the TFTP root) the plan uses the files in DIR and names any that are "
                + "missing.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx plan --model ST2030 --from sip:2.67 --target mgcp",
            "  st20xx plan --model ST2030 --from mgcp:1.55 --target sip:2.68 --firmware ./firmware",
            "  st20xx plan --model ST2022 --from mgcp:3.55.2 --target sip:4.68 --format json",
            "  st20xx plan --model 7960 --from sip:4.4 --target sccp:8.x",
            "",
            "Exit codes: 0 a plan was found (missing files are listed, not refused);",
            "            2 bad input, an unknown model or load, or no safe plan.",
        })
public final class PlanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Phone model, e.g. ST2030, ST2022, 7940, 7960.")
    String model;

    @Option(names = "--from", required = true, paramLabel = "PROTO:VER",
            description = "What the phone runs now, e.g. sip:2.67, mgcp:1.55 or sccp:8.0.4.")
    String from;

    @Option(names = "--dsp", paramLabel = "FILE",
            description = "The DSP the phone runs now (file name, or the matrix's id). Default: the only DSP its load"
                    + " accepts, else unknown (the first hop then writes a DSP).")
    String dsp;

    @Option(names = "--target", required = true, paramLabel = "PROTO[:VER]",
            description = "Where to go, e.g. mgcp (newest MGCP available), sip:2.68 or sccp:8.x.")
    String target;

    @Option(names = "--firmware", paramLabel = "DIR",
            description = "Firmware directory (the TFTP root). Without it the plan uses the releases the matrix knows.")
    Path firmware;

    @Mixin
    MatrixOption matrixOption;

    @Option(names = "--playbook", paramLabel = "FILE", description = "Playbook for the console commands"
            + " (default: the model family's, e.g. playbooks/st20xx.yaml).")
    Path playbook;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public void run() {
        Matrix matrix = matrixOption.load();
        PhoneModel phone = matrix.requireModel(model);
        Optional<FirmwareInventory> inventory = Optional.ofNullable(firmware).map(d -> FirmwareInventory.scan(d, matrix));
        Plan plan = new Planner().plan(new PlanRequest(phone, Loads.parse(from, "--from"), dspId(phone),
                Target.parse(target, "--target"), inventory));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == OutputFormat.json) {
            out.println(Json.write(phone.provisionedOverTftp() ? PlanJson.of(plan, matrix.source(), hop -> tftpHop(phone, hop))
                    : PlanJson.of(plan, matrix.source())));
        } else {
            out.print(phone.provisionedOverTftp() ? ProvisionChecklist.render(plan, phone, matrix.source())
                    : PlanChecklist.render(plan, consolePlaybook(phone), "<tftp-server>", matrix.source()));
            plan.warnings().stream().filter(w -> !w.startsWith("missing: ")).forEach(w -> err.println("warning: " + w));
        }
        inventory.ifPresent(inv -> inv.warnings().forEach(w -> err.println("warning: " + inv.dir() + ": " + w)));
        out.flush();
        err.flush();
    }

    /** Extra hop fields for a phone provisioned over TFTP: its image, files it fetches, files provision writes. */
    private static Map<String, Object> tftpHop(PhoneModel phone, Hop hop) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<String> image = Provisioner.imageOf(phone, hop);
        HopFiles files = HopFiles.of(phone, ProvisionChecklist.MAC, hop.from(), hop.to(),
                ProvisionChecklist.imageOrPlaceholder(phone, hop));
        m.put("image", image.orElse(null));
        m.put("fetch", image.isPresent() ? files.imageFiles() : null);
        m.put("provision", files.names());
        return m;
    }

    private Optional<Playbook> consolePlaybook(PhoneModel phone) {
        if (!phone.hasDsp()) {
            return Optional.empty();
        }
        return Optional.of(PlaybookLoader.resolve(phone.family(), playbook));
    }

    private Optional<String> dspId(PhoneModel phone) {
        if (dsp == null) {
            return Optional.empty();
        }
        if (phone.dsp(dsp).isPresent()) {
            return Optional.of(dsp);
        }
        return Optional.of(phone.dspByFile(dsp).map(Dsp::id).orElseThrow(() -> St20xxException.usage("--dsp '" + dsp
                + "': not a DSP the matrix knows for " + phone.name() + " (known: "
                + phone.dsps().values().stream().map(Dsp::file).sorted().toList() + ")")));
    }
}
