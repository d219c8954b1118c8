package org.st20xx.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.cisco.BootWatcher;
import org.st20xx.cisco.MacAddress;
import org.st20xx.cisco.ProvisionManifest;
import org.st20xx.cisco.Provisioner;
import org.st20xx.cisco.WatchResult;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.plan.Target;
import org.st20xx.report.Json;
import org.st20xx.report.WatchJson;
import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.TftpServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Serve a TFTP root and follow a Cisco 7940/7960 through its hops by the files it asks for.",
        description = {
            "Runs the embedded TFTP server on the root and writes the first hop's",
            "files, as 'st20xx provision' does (what provision wrote is kept). Then it",
            "follows the phone by its requests (seed 001's TFTP log):",
            "  its files    OS79XX.TXT, SIPDefault.cnf, SIP<MAC>.cnf or SEP<MAC>.cnf.xml",
            "  the image    .bin, or .loads, the loader's .bin or .sbn, and .sb2",
            "  its files    again, on the new load: the boot is finished",
            "and reports each request (found or not), the image it pulled and when its",
            "boot finished. When the phone runs the hop's load, the next hop's files",
            "are written and it says when to power-cycle the phone again, until the",
            "phone runs the target. No source says a 7940/7960 can be reset over",
            "telnet: every hop takes a power cycle.",
            "",
            "--model, --from and --target default to what provision recorded for the",
            "MAC in the root's .st20xx-provision.json. Progress goes to standard error,",
            "the result to standard output. Point only this phone at the server.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx provision --model 7960 --mac 001A.2B3C.4D5E --from sip:4.4 \\",
            "      --target sccp:8.x --tftp-root /srv/tftp",
            "  st20xx watch --tftp-root /srv/tftp --mac 001A.2B3C.4D5E --bind 10.0.0.1",
            "  st20xx watch --tftp-root /srv/tftp --mac 00:1a:2b:3c:4d:5e --model 7940 \\",
            "      --from sccp:5.0.1.1 --target sip:8.12 --format json",
            "",
            "Exit codes: 0 the phone runs the target; 1 a hop failed (the error and",
            "            what lint finds are printed) or --timeout ran out; 2 bad input,",
            "            no safe plan, a missing image file, an address in use.",
        })
public final class WatchCommand implements Callable<Integer> {
    /** The longest --timeout: a day. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    @Spec
    CommandSpec spec;

    @Option(names = "--tftp-root", required = true, paramLabel = "DIR", description = "The directory to serve.")
    Path tftpRoot;

    @Option(names = "--mac", required = true, paramLabel = "MAC", description = "The phone's MAC address (any usual notation).")
    String mac;

    @Option(names = "--model", paramLabel = "MODEL", description = "7940 or 7960 (default: as provisioned).")
    String model;

    @Option(names = "--from", paramLabel = "PROTO:VER", description = "What the phone runs now (default: as provisioned).")
    String from;

    @Option(names = "--target", paramLabel = "PROTO[:VER]", description = "Where it is to go (default: as provisioned).")
    String target;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Address the TFTP server listens on (default: ${DEFAULT-VALUE}); name the lab interface.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "69",
            description = "UDP port (default: ${DEFAULT-VALUE}; 0 picks a free one, printed).")
    int port;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "1800",
            description = "Give up when the phone does not run the target after S seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    MatrixOption matrixOption;

    @Override
    public Integer call() throws InterruptedException {
        MacAddress phoneMac = MacAddress.parse(mac, "--mac");
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw St20xxException.usage("--timeout " + timeoutSeconds + ": must be from 1 to " + MAX_TIMEOUT_SECONDS);
        }
        if (!Files.isDirectory(tftpRoot)) {
            throw St20xxException.usage("--tftp-root " + tftpRoot + ": not a directory");
        }
        Matrix matrix = matrixOption.load();
        Provisioner.Request setup = setup(matrix, phoneMac);
        TftpServerConfig serverConfig = serverConfig();
        BootWatcher watcher = BootWatcher.provision(setup);
        PrintWriter err = spec.commandLine().getErr();
        try (TftpServer server = TftpServer.start(serverConfig)) {
            Thread hook = new Thread(server::close, "watch-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("watch: serving " + server.root() + " on " + server.address().getAddress().getHostAddress() + ":"
                    + server.address().getPort() + " for " + setup.model().name() + " " + phoneMac + " ("
                    + setup.from() + " -> " + setup.target() + ")");
            err.flush();
            watcher.follow(server, e -> {
                err.println("watch: " + e.text());
                err.flush();
            });
            WatchResult r = watcher.await(Duration.ofSeconds(timeoutSeconds));
            Runtime.getRuntime().removeShutdownHook(hook);
            print(r);
            return r.converted() ? ExitStatus.OK.code() : ExitStatus.PHONE_FAILED.code();
        }
    }

    /** The options, or what provision recorded for the MAC; one line naming what is missing. */
    private Provisioner.Request setup(Matrix matrix, MacAddress phoneMac) {
        Optional<ProvisionManifest.PhoneEntry> entry = Optional.ofNullable(
                ProvisionManifest.read(tftpRoot).phones().get(phoneMac.hex()));
        List<String> missing = new ArrayList<>();
        String m = model != null ? model : entry.map(ProvisionManifest.PhoneEntry::model).orElse(null);
        String f = from != null ? from : entry.map(ProvisionManifest.PhoneEntry::from).orElse(null);
        String t = target != null ? target : entry.map(ProvisionManifest.PhoneEntry::target).orElse(null);
        if (m == null) {
            missing.add("--model");
        }
        if (f == null) {
            missing.add("--from");
        }
        if (t == null) {
            missing.add("--target");
        }
        if (!missing.isEmpty()) {
            throw St20xxException.usage(String.join(", ", missing) + ": needed, since " + tftpRoot.resolve(
                    ProvisionManifest.NAME) + " records no phone " + phoneMac + " (run st20xx provision first, or give"
                    + " them)");
        }
        PhoneModel phone = matrix.requireModel(m);
        if (!phone.provisionedOverTftp()) {
            throw St20xxException.usage("--model " + m + ": watch follows phones that load their firmware over TFTP"
                    + " (7940, 7960); " + phone.name() + " is converted over its console (st20xx convert)");
        }
        return new Provisioner.Request(matrix, phone, phoneMac, Loads.parse(f, "--from"), Target.parse(t, "--target"),
                tftpRoot, false);
    }

    private TftpServerConfig serverConfig() {
        InetAddress address = TftpCommand.bindAddress(bind);
        try {
            return TftpServerConfig.of(tftpRoot).withBind(address, port);
        } catch (IllegalArgumentException e) {
            throw St20xxException.usage("--port " + port + ": " + e.getMessage());
        }
    }

    private void print(WatchResult r) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(WatchJson.of(r)));
            out.flush();
            return;
        }
        String head = r.model() + " " + r.mac() + ": ";
        int hops = r.hops().size();
        switch (r.status()) {
            case CONVERTED -> out.println(head + "converted " + r.from() + " -> " + r.runs() + " in " + hops
                    + (hops == 1 ? " hop" : " hops") + " (" + seconds(r) + " s)");
            case FAILED -> out.println(head + "failed: " + r.error().orElse(""));
            case TIMEOUT -> out.println(head + "timed out: " + r.error().orElse(""));
        }
        for (WatchResult.HopReport h : r.hops()) {
            out.println("  hop " + h.number() + ": " + h.from() + " -> " + h.to() + ", image " + h.image() + ": "
                    + h.status().word() + " (" + h.requests().size() + " requests)");
        }
        if (r.status() != WatchResult.Status.CONVERTED) {
            out.println("The phone runs " + r.runs() + ".");
        }
        r.hints().forEach(hint -> out.println("lint: " + hint));
        out.flush();
    }

    private static String seconds(WatchResult r) {
        return String.format(java.util.Locale.ROOT, "%.1f", r.took().toMillis() / 1000.0);
    }
}
