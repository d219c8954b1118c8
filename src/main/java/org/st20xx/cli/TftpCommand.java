package org.st20xx.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.TftpServerConfig;
import org.st20xx.tftp.Transfer;
import org.st20xx.tftp.TransferListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tftp",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Serve a firmware directory to the phones over TFTP, read-only.",
        description = {
            "Runs the embedded TFTP server the phones pull their firmware from, until Ctrl-C or SIGTERM.",
            "",
            "Only regular files under --root are served. '..', symbolic links leading out of the root, "
                + "directories, devices and write requests are refused with a TFTP error. A leading '/' is "
                + "ignored: '/f.zz' means ROOT/f.zz, never the host's /. Octet and netascii modes; options "
                + "blksize, tsize, timeout and windowsize.",
            "",
            "Prints one line when ready (address and root), then one line per finished request, on standard "
                + "output. A refused or missing file says why; a name that differs only in letter case is named:",
            "",
            "  tftp: serving /srv/fw on 10.0.0.1:69 (read-only; Ctrl-C to stop)",
            "  10.0.0.7:1031 COMPLETE \"f.zz\" 3000 bytes 6 blocks 0 retries 4 ms [tsize=3000]",
            "  10.0.0.7:1032 NOT_FOUND \"F.zz\" 0 bytes 0 blocks 0 retries 0 ms: no such file",
            "    under the root; 'f.zz' exists (the names differ only in letter case)",
            "",
            "Refusals by the jail are also logged as warnings on standard error.",
            "",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  st20xx tftp --root fw/                       all addresses, port 69 (needs root)",
            "  st20xx tftp --root fw/ --bind 10.0.0.1       only the lab interface",
            "  st20xx tftp --root fw/ --bind 127.0.0.1 --port 6969",
            "  curl -o f.zz tftp://127.0.0.1:6969/f.zz      fetch a file to try it",
            "",
            "Exit codes:",
            "  2    bad --root, --port or --bind, or the address cannot be bound",
            "  130  interrupted",
        })
public final class TftpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "DIR",
            description = "Directory to serve; requests are resolved inside it and nowhere else.")
    Path root;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Local address to listen on and send from (default: ${DEFAULT-VALUE}). On a host with"
                    + " several interfaces, name the one the phones reach.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "69",
            description = "UDP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--max-transfers", paramLabel = "N", defaultValue = "" + TftpServerConfig.DEFAULT_MAX_TRANSFERS,
            description = "Transfers served at once; more requests get 'server busy' (default: ${DEFAULT-VALUE}).")
    int maxTransfers;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "1000",
            description = "Milliseconds to wait for an acknowledgement before sending again, unless the client"
                    + " negotiates its own timeout (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "" + TftpServerConfig.DEFAULT_RETRIES,
            description = "Times a packet is sent again before a transfer is given up (default: ${DEFAULT-VALUE}).")
    int retries;

    @Override
    public Integer call() {
        TftpServerConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch closed = new CountDownLatch(1);
        TftpServer server = TftpServer.start(config);
        server.addListener(new TransferListener() {
            @Override
            public void transferFinished(Transfer transfer) {
                out.println(transfer.summary());
            }
        });
        Thread hook = new Thread(() -> {
            server.close();
            closed.countDown();
        }, "tftp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("tftp: serving " + server.root() + " on " + server.address().getAddress().getHostAddress() + ":"
                + server.address().getPort() + " (read-only; Ctrl-C to stop)");
        out.flush();
        try {
            closed.await();
            return ExitStatus.OK.code();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            Thread.currentThread().interrupt();
            return ExitStatus.INTERRUPTED.code();
        }
    }

    TftpServerConfig config() {
        if (!Files.isDirectory(root)) {
            throw St20xxException.usage("--root " + root + ": " + (Files.exists(root) ? "not a directory" : "no such directory"));
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw St20xxException.usage("--bind " + bind + ": not an IP address or a known host name");
        }
        try {
            return new TftpServerConfig(root, address, port, maxTransfers, retries, Duration.ofMillis(timeoutMillis));
        } catch (IllegalArgumentException e) {
            throw St20xxException.usage(e.getMessage());
        }
    }
}
