package org.st20xx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.st20xx.firmware.FirmwareFile;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.playbook.PlaybookLoader;
import org.st20xx.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "firmware",
        usageHelpAutoWidth = true,
        header = "Inspect a firmware directory and check the firmware matrix.",
        description = "Subcommands: list (what a firmware directory holds) and check (validate the matrix and playbooks).",
        subcommands = {FirmwareCommand.ListCommand.class, FirmwareCommand.CheckCommand.class})
public final class FirmwareCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or check");
    }

    @Command(name = "list",
            sortOptions = false,
            usageHelpAutoWidth = true,
            header = "List the files of a firmware directory as the matrix recognises them.",
            description = {
                "Each file is placed by the matrix's patterns: application (model, protocol, version),",
                "DSP (which one) or telephone configuration. Files it cannot place are listed as warnings",
                "on stderr and never used by a plan.",
            },
            footerHeading = "%nExample:%n",
            footer = "  st20xx firmware list --firmware ./firmware")
    static final class ListCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--firmware", required = true, paramLabel = "DIR", description = "Firmware directory (the TFTP root).")
        Path firmware;

        @Mixin
        MatrixOption matrixOption;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public void run() {
            Matrix matrix = matrixOption.load();
            FirmwareInventory inv = FirmwareInventory.scan(firmware, matrix);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dir", inv.dir().toString());
                m.put("files", inv.files().stream().map(ListCommand::json).toList());
                m.put("warnings", inv.warnings());
                out.println(Json.write(m));
            } else {
                String fmt = "%-40s %-12s %-7s %-9s %s%n";
                out.printf(fmt, "FILE", "KIND", "MODEL", "PROTOCOL", "VERSION/DSP");
                for (FirmwareFile f : inv.files()) {
                    String what = f.load().map(l -> l.version().toString()).or(() -> f.dspId()
                            .flatMap(id -> matrix.requireModel(f.model()).dsp(id)).map(Dsp::label)).orElse("-");
                    out.printf(fmt, f.name(), f.kind().word(), f.model(),
                            f.load().map(l -> l.protocol()).orElse("-"), what);
                }
                out.printf("%d file(s) recognised, %d warning(s)%n",
                        inv.files().stream().map(FirmwareFile::name).distinct().count(), inv.warnings().size());
                inv.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            }
            out.flush();
            spec.commandLine().getErr().flush();
        }

        private static Map<String, Object> json(FirmwareFile f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.name());
            m.put("kind", f.kind().word());
            m.put("model", f.model());
            m.put("protocol", f.load().map(l -> l.protocol()).orElse(null));
            m.put("version", f.load().map(l -> l.version().toString()).orElse(null));
            m.put("dsp", f.dspId().orElse(null));
            m.put("bytes", f.size());
            return m;
        }
    }

    @Command(name = "check",
            usageHelpAutoWidth = true,
            header = "Validate the firmware matrix and the playbooks it names.",
            description = {"Reads the matrix and every playbook its models use and reports each problem as",
                "FILE:LINE:COL: what is wrong (exit 2), or a one-line summary (exit 0)."},
            footerHeading = "%nExample:%n",
            footer = "  st20xx firmware check --matrix firmware-matrix.yaml")
    static final class CheckCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        MatrixOption matrixOption;

        @Override
        public void run() {
            Matrix matrix = matrixOption.load();
            Set<String> families = new TreeSet<>();
            int releases = 0;
            for (PhoneModel m : matrix.models().values()) {
                releases += m.releases().size();
                if (m.hasDsp()) {
                    families.add(m.family());
                }
            }
            List<String> playbooks = families.stream().map(f -> PlaybookLoader.resolve(f, null).source()).toList();
            spec.commandLine().getOut().printf("ok: %s: %d models, %d known releases; playbooks: %s%n", matrix.source(),
                    matrix.models().size(), releases, playbooks.isEmpty() ? "none" : String.join(", ", playbooks));
            spec.commandLine().getOut().flush();
        }
    }
}
