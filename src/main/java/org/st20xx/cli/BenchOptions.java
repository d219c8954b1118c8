package org.st20xx.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.st20xx.St20xxException;
import org.st20xx.batch.Addresses;
import org.st20xx.convert.Bench;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every command that converts phones: firmware, TFTP, credentials, matrix, run folder. */
public class BenchOptions {
    @Option(names = "--firmware", paramLabel = "DIR",
            description = "Firmware directory, served to the phones by the embedded TFTP server.")
    Path firmware;

    @Option(names = "--tftp-server", paramLabel = "ADDR",
            description = "Use this existing TFTP server instead of the embedded one (transfers are then checked by"
                    + " the console's answers only).")
    String tftpServer;

    @Option(names = "--tftp-port", paramLabel = "N", defaultValue = "69",
            description = "UDP port of the embedded TFTP server (default: ${DEFAULT-VALUE}, the port phones use;"
                    + " below 1024 needs root).")
    int tftpPort;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Accounts file (YAML: sip/mgcp/web profiles with user and password). Default: the"
                    + " environment (ST20XX_SIP_PASSWORD, ...), else the seed's defaults. Never on the command line.")
    Path credentials;

    @Mixin
    MatrixOption matrixOption;

    @Option(names = "--playbook", paramLabel = "FILE",
            description = "Console playbook (default: the model family's, e.g. playbooks/st20xx.yaml).")
    Path playbook;

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Where journals and transcripts go (default: $ST20XX_RUNS, else ./st20xx-runs).")
    Path runsDir;

    Bench open(Clock clock) {
        if (tftpPort < 0 || tftpPort > 65535) {
            throw St20xxException.usage("--tftp-port " + tftpPort + ": not a port (0-65535)");
        }
        if (tftpServer != null) {
            Addresses.problem(tftpServer).ifPresent(p -> {
                throw St20xxException.usage("--tftp-server: " + p);
            });
        }
        if (credentials != null && !credentials.toFile().isFile()) {
            throw St20xxException.usage("--credentials " + credentials + ": no such file");
        }
        return new Bench(new Bench.Options(matrixOption.load(), Optional.ofNullable(playbook),
                Optional.ofNullable(firmware), Optional.ofNullable(tftpServer), tftpPort, Optional.ofNullable(credentials),
                runsDir == null ? Bench.defaultRuns() : runsDir), clock);
    }
}
