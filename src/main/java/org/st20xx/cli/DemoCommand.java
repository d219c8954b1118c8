package org.st20xx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.demo.Demo;
import org.st20xx.matrix.MatrixLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Convert a simulated lab on loopback, end to end: the main job without a real phone.",
        description = {
            "Starts simulated ST2030 and ST2022 phones on loopback addresses (127.0.x.y), in mixed states "
                + "and some with telnet off, writes firmware fixtures and a lab CSV, shows the plans (batch "
                + "--dry-run), then converts every phone in parallel (batch --enable-telnet) through the "
                + "embedded TFTP server with live progress, prints the report and checks each phone's state. "
                + "Nothing leaves the machine. The lab files are deleted at the end unless --keep is given.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx demo",
            "  st20xx demo --scale 5 --boot-seconds 2 --keep /tmp/lab",
            "",
            "Exit codes: 0 every phone converted and sound; 1 otherwise; 2 the lab could not be set up.",
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "Multiply the number of phones (default ${DEFAULT-VALUE}: 7 phones).")
    int scale;

    @Option(names = "--boot-seconds", paramLabel = "S", defaultValue = "0.5",
            description = "How long a simulated reboot takes (default ${DEFAULT-VALUE}).")
    double bootSeconds;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the lab's files (firmware, CSV, report, transcripts) in DIR.")
    Path keep;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress view, as for batch: auto, live, plain, steps or none.")
    String progress;

    @Override
    public Integer call() throws IOException {
        if (scale < 1 || scale > 100) {
            throw St20xxException.usage("--scale " + scale + ": must be from 1 to 100");
        }
        if (bootSeconds < 0 || bootSeconds > 600) {
            throw St20xxException.usage("--boot-seconds " + bootSeconds + ": must be from 0 to 600");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("st20xx-demo-");
        try (Demo demo = Demo.start(dir, MatrixLoader.loadBuiltIn(), Demo.defaultGroups(scale),
                Duration.ofMillis(Math.round(bootSeconds * 1000)))) {
            demo.describe(out);
            List<String> common = List.of(demo.csv().toString(), "--firmware", demo.firmware().toString(),
                    "--tftp-port", String.valueOf(demo.tftpPort()), "--runs-dir", dir.resolve("runs").toString(),
                    "--parallel", "64");
            out.println();
            out.println("== Plans (st20xx batch lab.csv --dry-run): nothing is changed yet");
            out.flush();
            int planned = batch(common, "--dry-run", "--progress", "none");
            if (planned != 0) {
                return planned;
            }
            out.println();
            out.println("== Converting (st20xx batch lab.csv --enable-telnet --report report.json)");
            out.flush();
            Path report = dir.resolve("report.json");
            int converted = batch(common, "--enable-telnet", "--report", report.toString(), "--progress", progress);
            out.println();
            out.println("== Report (" + report + ")");
            out.println(Files.readString(report).strip());
            List<String> problems = demo.problems();
            out.println();
            if (problems.isEmpty() && converted == 0) {
                out.println("Every phone runs its target and none is bricked (checked in the simulator's state files).");
            } else {
                problems.forEach(p -> out.println("problem: " + p));
            }
            if (keep != null) {
                out.println("Lab files kept in " + dir);
            }
            out.flush();
            return problems.isEmpty() && converted == 0 ? ExitStatus.OK.code() : ExitStatus.PHONE_FAILED.code();
        } finally {
            if (keep == null) {
                Demo.deleteTree(dir);
            }
        }
    }

    private int batch(List<String> common, String... extra) {
        List<String> args = new ArrayList<>();
        args.add("batch");
        args.addAll(common);
        args.addAll(List.of(extra));
        CommandLine root = spec.root().commandLine();
        return root.execute(args.toArray(String[]::new));
    }
}
