package org.st20xx.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "st20xx",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Converts lab IP phones between protocols and firmware releases without bricking them.",
        description = {
            "Thomson ST2030 / ST2022: SIP <-> MGCP over the phone's telnet console.",
            "Cisco 7940 / 7960: SCCP <-> SIP through TFTP provisioning files.",
            "",
            "Every plan is checked against firmware-matrix.yaml: no phone is ever rebooted onto an "
                + "application/DSP pair the matrix does not call compatible.",
        },
        subcommands = {
            PlanCommand.class,
            ConvertCommand.class,
            BatchCommand.class,
            DemoCommand.class,
            FaultMatrixCommand.class,
            BenchmarkCommand.class,
            ProvisionCommand.class,
            LintCommand.class,
            FirmwareCommand.class,
            WatchCommand.class,
            SimCommand.class,
            TftpCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx demo                        convert a simulated lab on loopback",
            "  st20xx plan --model ST2030 --from sip:2.67 --target mgcp",
            "                                     preview the safe hops",
            "  st20xx convert --ip 10.0.0.7 --target mgcp --firmware DIR --dry-run",
            "                                     what would be typed, nothing sent",
            "  st20xx batch lab.csv --firmware DIR --parallel 16 --report out.json",
            "                                     a whole bench at once",
            "  st20xx provision --model 7960 --mac 001A.2B3C.4D5E --from sip:4.4 \\",
            "      --target sccp:8.x --tftp-root DIR   write a Cisco hop's files",
            "  st20xx lint --tftp-root DIR        check a Cisco TFTP root",
            "",
            "Run 'st20xx COMMAND --help' for each command's options and examples.",
            "  st20xx watch --tftp-root DIR --mac MAC   follow a Cisco phone's hops",
            "",
            "Exit codes:",
            "  0    done",
            "  1    an operation on a phone failed (batch: at least one phone failed)",
            "  2    bad usage or input, or a refusal (no safe plan, missing file,",
            "       unknown state)",
            "  130  interrupted",
        })
public final class St20xxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}
