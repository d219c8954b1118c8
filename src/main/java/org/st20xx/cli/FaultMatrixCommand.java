package org.st20xx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.demo.Demo;
import org.st20xx.demo.FaultMatrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fault-matrix",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Rehearse every fault at every step of a hop on simulated phones and tabulate the outcomes.",
        description = {
            "For ST2030 and ST2022, one simulated phone per case: each fault kind of the simulator (drop, "
                + "power-loss, hang, tftp-fail, no-return) at each console command of a hop. Every phone is "
                + "converted; a stuck phone is power-cycled (unless the tool said not to); every phone not "
                + "converted is converted again with its journal's precautions, as 'convert --resume' does. The "
                + "table (fault, command, what the tool reported, final phone state) goes to --out as Markdown. "
                + "Loopback only; about a minute on two cores.",
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  st20xx fault-matrix --out docs/fault-matrix.md",
            "",
            "Exit codes: 0 every case as promised (only bricks by definition); 1 otherwise.",
        })
public final class FaultMatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the Markdown table here (default: stdout).")
    Path out;

    @Option(names = "--boot-seconds", paramLabel = "S", defaultValue = "0.2",
            description = "Simulated boot time (default ${DEFAULT-VALUE}).")
    double bootSeconds;

    @Override
    public Integer call() throws IOException {
        if (bootSeconds < 0 || bootSeconds > 10) {
            throw St20xxException.usage("--boot-seconds " + bootSeconds + ": must be from 0 to 10");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("st20xx-faults-");
        try {
            List<FaultMatrix.Row> rows = new FaultMatrix(MatrixLoader.loadBuiltIn(), dir,
                    Duration.ofMillis(Math.round(bootSeconds * 1000))).run(FaultMatrix.cases(), line -> {
                        err.println(line);
                        err.flush();
                    });
            String table = FaultMatrix.markdown(rows, "st20xx fault-matrix --out docs/fault-matrix.md");
            if (out != null) {
                AtomicFiles.write(out, table);
                err.println("wrote " + out);
            } else {
                spec.commandLine().getOut().print(table);
            }
            long bad = rows.stream().filter(r -> !r.asPromised()).count();
            err.println(rows.size() - bad + " of " + rows.size() + " cases as promised");
            err.flush();
            spec.commandLine().getOut().flush();
            return bad == 0 ? ExitStatus.OK.code() : ExitStatus.PHONE_FAILED.code();
        } finally {
            Demo.deleteTree(dir);
        }
    }
}
