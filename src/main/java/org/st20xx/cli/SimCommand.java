package org.st20xx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.st20xx.St20xxException;
import org.st20xx.credentials.CredentialsLoader;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.sim.SimConfig;
import org.st20xx.sim.SimulatedLab;
import org.st20xx.sim.SimulatedPhone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sim",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Simulates ST2030 / ST2022 phones on loopback (telnet console, telnet.html, TFTP pulls, bricking).",
        description = {
            "Prints one line per phone, 'phone N telnet ADDR:PORT http ADDR:PORT', then 'ready', and serves until"
                + " SIGTERM. Type 'power-cycle N' on standard input to power-cycle phone N. See docs/simulator.md.",
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  st20xx sim --count 2 --model ST2030 --firmware sip:2.67 \\",
            "      --state-dir /tmp/sim --boot-seconds 0.5 --telnet-enabled",
        })
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many phones (1 to 1000).")
    int count;

    @Option(names = "--model", required = true, paramLabel = "M", description = "ST2030 or ST2022.")
    String model;

    @Option(names = "--firmware", required = true, paramLabel = "PROTO:VER",
            description = "The load every phone starts with, e.g. sip:2.67 or mgcp:1.55.")
    String firmware;

    @Option(names = "--dsp", paramLabel = "FILE",
            description = "The DSP file they start with (default: the matrix's preferred one for the load).")
    String dsp;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Loopback address of phone 1 (default: ${DEFAULT-VALUE}); phone N gets ADDR+N-1"
                    + " (127.0.0.2, ...), its own address as on a real bench.")
    String bind;

    @Option(names = "--shared-address", description = "Put every phone on the --bind address (then a TFTP server"
            + " cannot tell the phones' transfers apart).")
    boolean sharedAddress;

    @Option(names = "--telnet-port-base", paramLabel = "N", defaultValue = "0",
            description = "Phone K's telnet port is N+K-1; 0 lets the system choose (default).")
    int telnetPortBase;

    @Option(names = "--http-port-base", paramLabel = "N", defaultValue = "0",
            description = "Phone K's web port is N+K-1; 0 lets the system choose (default).")
    int httpPortBase;

    @Option(names = "--tftp-port", paramLabel = "N", defaultValue = "69",
            description = "UDP port the phones' 'tftp' commands pull from (default: ${DEFAULT-VALUE}).")
    int tftpPort;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Rewrite DIR/phone-N.json after every change.")
    Path stateDir;

    @Option(names = "--boot-seconds", paramLabel = "S", defaultValue = "30",
            description = "How long a reboot keeps a phone silent; fractions allowed (default: ${DEFAULT-VALUE}).")
    double bootSeconds;

    @Option(names = "--fault", paramLabel = "PHONE:KIND:COMMAND[:N]",
            description = "Inject a fault, once: PHONE a number or *; KIND drop, power-loss, hang, tftp-fail or"
                    + " no-return; COMMAND the first word of a console command (tftp, tftp2, sys, ffs, flash, reboot);"
                    + " N which time it is typed (default 1: the first; e.g. 2 for a hop's DSP download).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--telnet-enabled", description = "Start with telnet on (a real phone starts with it off).")
    boolean telnetEnabled;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "The phones' accounts (sip, mgcp, web profiles; default: the seed's).")
    Path credentials;

    @Override
    public Integer call() throws InterruptedException {
        if (!Double.isFinite(bootSeconds) || bootSeconds < 0 || bootSeconds > 3600) {
            throw St20xxException.usage("--boot-seconds " + bootSeconds + ": must be from 0 to 3600");
        }
        Matrix matrix = MatrixLoader.resolve(null);
        SimConfig.Builder b = SimConfig.builder(model, firmware)
                .matrix(matrix)
                .dsp(dsp).count(count).bind(bind).sharedAddress(sharedAddress)
                .telnetPortBase(telnetPortBase).httpPortBase(httpPortBase).tftpPort(tftpPort)
                .stateDir(stateDir).bootTime(Duration.ofNanos(Math.round(bootSeconds * 1e9)))
                .telnetEnabled(telnetEnabled);
        faults.forEach(b::fault);
        if (credentials != null) {
            b.credentials(CredentialsLoader.load(Optional.of(credentials), matrix.requireModel(model).protocols()));
        }
        SimConfig config = b.build();
        SimulatedLab lab = SimulatedLab.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "sim-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        for (SimulatedPhone p : lab.phones()) {
            out.println(SimulatedLab.describe(p));
        }
        out.println("ready");
        out.flush();
        lab.serveControl(System.in, out, spec.commandLine().getErr());
        lab.awaitClosed();
        return 0;
    }
}
