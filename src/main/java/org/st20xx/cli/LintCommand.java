package org.st20xx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.st20xx.ExitStatus;
import org.st20xx.cisco.MacAddress;
import org.st20xx.cisco.TftpRootLint;
import org.st20xx.matrix.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "lint",
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Check a Cisco 7940/7960 TFTP root for what keeps a phone from converting.",
        description = {
            "Seed 001's troubleshooting as checks, one line each: FILE:LINE: problem (hint)",
            "  - OS79XX.TXT, SIP<MAC>.cnf, SEP<MAC>.cnf.xml... in the wrong letter case;",
            "  - OS79XX.TXT with blanks, a carriage return (CRLF), an extension, the",
            "    letter O for a zero, or more than one name;",
            "  - a named image not in the root, or whose .loads/.sb2/.sbn/.bin files",
            "    are missing or empty; files that name different images;",
            "  - a SIPDefault.cnf holding more than image_version where a SIP 2.x",
            "    phone reads it (W210 TFTP Error: buffer full);",
            "  - with --from: an image the matrix's rules forbid from that load, and",
            "    names longer than 8.3 for SIP 2.1 and earlier.",
            "Values of other lines (passwords) are never printed.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx lint --tftp-root /srv/tftp",
            "  st20xx lint --tftp-root /srv/tftp --model 7960 --mac 001A.2B3C.4D5E \\",
            "      --from sip:4.4",
            "",
            "Exit codes: 0 no problem found; 1 problems found (listed on stdout);",
            "            2 bad usage.",
        })
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tftp-root", required = true, paramLabel = "DIR", description = "The TFTP server's root directory.")
    Path tftpRoot;

    @Option(names = "--model", paramLabel = "MODEL", description = "Check for this model only (default: 7940 and 7960).")
    String model;

    @Option(names = "--mac", paramLabel = "MAC", description = "Check this phone's own files only (default: every MAC).")
    String mac;

    @Option(names = "--from", paramLabel = "PROTO:VER",
            description = "What the phone runs now: also checks the named image is allowed from it.")
    String from;

    @Mixin
    MatrixOption matrixOption;

    @Override
    public Integer call() {
        Optional<MacAddress> phoneMac = Optional.ofNullable(mac).map(m -> MacAddress.parse(m, "--mac"));
        Optional<org.st20xx.matrix.Load> current = Optional.ofNullable(from).map(f -> Loads.parse(f, "--from"));
        Matrix matrix = matrixOption.load();
        TftpRootLint.Scope scope = new TftpRootLint.Scope(Optional.ofNullable(model).map(matrix::requireModel),
                phoneMac, current);
        List<TftpRootLint.Problem> problems = TftpRootLint.check(tftpRoot, matrix, scope);
        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("ok: " + tftpRoot + ": no problem found");
        }
        out.flush();
        return problems.isEmpty() ? ExitStatus.OK.code() : ExitStatus.PHONE_FAILED.code();
    }
}
