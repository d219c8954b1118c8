package org.st20xx.convert;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.console.SecretMasker;
import org.st20xx.console.Transcript;
import org.st20xx.credentials.Credentials;
import org.st20xx.credentials.CredentialsLoader;
import org.st20xx.credentials.Secret;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.playbook.Playbook;
import org.st20xx.playbook.PlaybookLoader;
import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.TftpServerConfig;

/**
 * What every conversion on one bench shares: the matrix, the playbooks, the firmware directory and
 * the one embedded TFTP server that serves it (or an external TFTP server), and the folder where
 * journals and transcripts go. Closing it stops the TFTP server.
 */
public final class Bench implements AutoCloseable {
    /** Where the embedded server listens by default: the port phones fetch from. */
    public static final int TFTP_PORT = 69;
    /** Environment variable naming the folder for journals and transcripts. */
    public static final String RUNS_ENV = "ST20XX_RUNS";

    /**
     * @param externalTftp  a TFTP server the phones use instead of the embedded one (transfers then
     *                      cannot be verified by what the server sent)
     * @param tftpPort      the embedded server's port
     * @param runs          the folder for journals and transcripts
     */
    public record Options(Matrix matrix, Optional<Path> playbook, Optional<Path> firmware, Optional<String> externalTftp,
            int tftpPort, Optional<Path> credentials, Path runs) {
        public Options {
            Objects.requireNonNull(matrix, "matrix");
            Objects.requireNonNull(playbook, "playbook");
            Objects.requireNonNull(firmware, "firmware");
            Objects.requireNonNull(externalTftp, "externalTftp");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(runs, "runs");
        }
    }

    private final Options options;
    private final Optional<FirmwareInventory> inventory;
    private final Credentials credentials;
    private final Clock clock;
    private final Map<String, Playbook> playbooks = new ConcurrentHashMap<>();
    private final Map<Path, Credentials> credentialFiles = new ConcurrentHashMap<>();
    private TftpServer server;
    private TransferWitness witness = TransferWitness.BLIND;

    public Bench(Options options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.inventory = options.firmware().map(d -> FirmwareInventory.scan(d, options.matrix()));
        this.credentials = loadCredentials(options.credentials());
        options.credentials().ifPresent(f -> credentialFiles.put(f.toAbsolutePath().normalize(), credentials));
    }

    /** The default folder for journals and transcripts: $ST20XX_RUNS, else ./st20xx-runs. */
    public static Path defaultRuns() {
        String env = System.getenv(RUNS_ENV);
        return Path.of(env == null || env.isBlank() ? "st20xx-runs" : env);
    }

    public Matrix matrix() {
        return options.matrix();
    }

    public Optional<FirmwareInventory> inventory() {
        return inventory;
    }

    public Credentials credentials() {
        return credentials;
    }

    /**
     * Credentials for one phone: its own file when the batch names one, else the bench's. Each
     * file is read once per bench, so a file without passwords asks for them once, not once per
     * phone that names it; the bench's own file, however it is named, is not read again.
     */
    public Credentials credentials(Optional<Path> file) {
        if (file.isEmpty()) {
            return credentials;
        }
        return credentialFiles.computeIfAbsent(file.get().toAbsolutePath().normalize(),
                f -> loadCredentials(Optional.of(f)));
    }

    private Credentials loadCredentials(Optional<Path> file) {
        Set<String> protocols = new TreeSet<>();
        options.matrix().models().values().stream().map(PhoneModel::protocols).forEach(protocols::addAll);
        return CredentialsLoader.load(file, protocols);
    }

    /**
     * The playbook of each model family, read once per bench: every phone of a batch speaks the
     * same dialogue, and a batch does not parse the YAML twice per phone (check, then convert):
     * for 50 phones that was about 0.5 s of CPU, spent just when every phone starts at once
     * (docs/benchmarks.md, "Batch"). A playbook that cannot be read is not remembered: the next
     * phone gets the same error.
     */
    public Function<String, Playbook> playbooks() {
        return family -> playbooks.computeIfAbsent(family, f -> PlaybookLoader.resolve(f, options.playbook().orElse(null)));
    }

    /**
     * Makes the phones' files available: starts the embedded TFTP server on the address that
     * reaches {@code hosts} (loopback when they all are loopback), unless an external server is
     * used. Needs a firmware directory for the embedded server.
     */
    public void serve(Collection<String> hosts) {
        if (server != null || options.externalTftp().isPresent()) {
            return;
        }
        Path root = options.firmware().orElseThrow(() -> St20xxException.usage(
                "--firmware DIR is needed to serve the firmware to the phones (or give --tftp-server ADDR for an existing"
                        + " TFTP server)"));
        boolean allLoopback = hosts.stream().allMatch(Bench::isLoopback);
        InetAddress bind;
        try {
            bind = InetAddress.getByName(allLoopback ? "127.0.0.1" : "0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        try {
            server = TftpServer.start(TftpServerConfig.of(root).withBind(bind, options.tftpPort())
                    .withMaxTransfers(maxTransfers(hosts.size())));
        } catch (St20xxException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new St20xxException(ExitStatus.USAGE, "cannot start the TFTP server: " + e.getMessage()
                    + (options.tftpPort() < 1024 ? " (port " + options.tftpPort() + " needs root or CAP_NET_BIND_SERVICE;"
                            + " give --tftp-server ADDR to use an existing TFTP server)" : ""), e);
        }
        witness = TftpTransferWitness.of(server);
    }

    /**
     * How many transfers the embedded server accepts at once when it serves {@code phones} phones.
     * A phone pulls one file at a time, but a batch may start them all at once (--parallel), and a
     * refused pull fails that phone ("Server busy"): room for two per phone (a transfer the server
     * is still closing while the phone starts its next), never less than the server's default nor
     * more than its limit.
     */
    static int maxTransfers(int phones) {
        return Math.min(TftpServerConfig.MAX_TRANSFERS_LIMIT, Math.max(TftpServerConfig.DEFAULT_MAX_TRANSFERS, 2 * phones));
    }

    public TransferWitness witness() {
        return witness;
    }

    /** The TFTP server's address as the phone at {@code host} reaches it: the {server} of the playbook. */
    public String serverFor(String host) {
        if (options.externalTftp().isPresent()) {
            return options.externalTftp().get();
        }
        if (isLoopback(host)) {
            return "127.0.0.1";
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(host), TFTP_PORT));
            return probe.getLocalAddress().getHostAddress();
        } catch (SocketException | UnknownHostException e) {
            throw new St20xxException(ExitStatus.PHONE_FAILED, "no route to " + host + " to tell it where the TFTP"
                    + " server is: " + e.getMessage(), e);
        }
    }

    /** The folder for journals, transcripts and batch reports. */
    public Path runs() {
        return options.runs();
    }

    /** The run folder of one phone: its journal and transcripts. */
    public Path phoneFolder(String host, int port) {
        return options.runs().resolve(host.replace(':', '_') + "_" + port);
    }

    /** Opens a transcript that masks every password this bench knows (and {@code extra}). */
    public Transcript transcript(Path file, Credentials phoneCredentials) throws IOException {
        SecretMasker masker = new SecretMasker();
        for (Secret s : List.copyOf(credentials.secrets())) {
            masker.register(s.reveal());
        }
        for (Secret s : phoneCredentials.secrets()) {
            masker.register(s.reveal());
        }
        return Transcript.toFile(file, masker);
    }

    public Clock clock() {
        return clock;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("127.") || h.equals("localhost") || h.equals("::1") || h.equals("[::1]");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
