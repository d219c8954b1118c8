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
        header = "Simulates ST2030 / ST2022 and Cisco 7940 / 7960 phones on loopback (TFTP pulls, reboots, bricking).",
        description = {
            "Prints one line per phone, 'phone N telnet ADDR:PORT http ADDR:PORT' (Cisco phones add 'mac MAC'),"
                + " then 'ready', and serves until SIGTERM. Type 'power-cycle N' on standard input to power-cycle"
                + " phone N.",
            "",
            "ST2030 / ST2022: a telnet console (seed 000's commands), telnet.html, real TFTP pulls of the files the"
                + " console names, flash, reboots, faults.",
            "Cisco 7940 / 7960: no console. A power-cycled phone asks its TFTP server (--tftp-server, --tftp-port)"
                + " for OS79XX.TXT and its configuration files, reads them strictly, and when they name another image"
                + " fetches its files, checks them, writes them to flash and reboots onto them; otherwise it keeps its"
                + " image and shows seed 001's error (state file 'display'). See docs/simulator.md and docs/cisco.md.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx sim --count 2 --model ST2030 --firmware sip:2.67 \\",
            "      --state-dir /tmp/sim --boot-seconds 0.5 --telnet-enabled",
            "  st20xx sim --count 1 --model 7960 --firmware sccp:5.0.1.1 \\",
            "      --tftp-port 6969 --state-dir /tmp/sim --boot-seconds 1",
        })
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many phones (1 to 1000).")
    int count;

    @Option(names = "--model", required = true, paramLabel = "M", description = "ST2030, ST2022, 7940 or 7960.")
    String model;

    @Option(names = "--firmware", required = true, paramLabel = "PROTO:VER",
            description = "The load every phone starts with, e.g. sip:2.67, mgcp:1.55, sccp:5.0.1.1 or sip:8.12.")
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
            description = "UDP port the phones pull from: 'tftp' commands, Cisco boots (default: ${DEFAULT-VALUE}).")
    int tftpPort;

    @Option(names = "--tftp-server", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Cisco: the TFTP server the phones boot from, an IPv4 address in 127.0.0.0/8"
                    + " (default: ${DEFAULT-VALUE}).")
    String tftpServer;

    @Option(names = "--mac-base", paramLabel = "MAC",
            description = "Cisco: phone 1's MAC; phone N has MAC+N-1 (default: " + SimConfig.DEFAULT_MAC_BASE + ").")
    String macBase;

    @Option(names = "--flash-empty",
            description = "Cisco: the phones' flash holds no image (after a failed upgrade); they boot the loader"
                    + " of --firmware.")
    boolean flashEmpty;

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
                .telnetEnabled(telnetEnabled).tftpServer(tftpServer).macBase(macBase).flashEmpty(flashEmpty);
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
