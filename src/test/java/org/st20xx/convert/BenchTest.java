package org.st20xx.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.St20xxException;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.playbook.Playbook;
import org.st20xx.tftp.TftpServerConfig;

/** What the phones of one bench share: one playbook per family, and a TFTP server with room for all. */
class BenchTest {
    @TempDir
    Path dir;

    private Bench bench(Optional<Path> playbook) {
        return bench(playbook, Optional.empty());
    }

    private Bench bench(Optional<Path> playbook, Optional<Path> credentials) {
        return new Bench(new Bench.Options(MatrixLoader.loadBuiltIn(), playbook, Optional.empty(), Optional.empty(), 0,
                credentials, dir.resolve("runs")), Clock.systemUTC());
    }

    @Test
    void thePlaybookIsReadOncePerBench() {
        try (Bench b = bench(Optional.empty())) {
            Function<String, Playbook> playbooks = b.playbooks();
            Playbook first = playbooks.apply("st20xx");
            assertThat(playbooks.apply("st20xx")).isSameAs(first);
            assertThat(b.playbooks().apply("st20xx")).isSameAs(first);
        }
    }

    @Test
    void aPlaybookThatCannotBeReadFailsEveryPhoneAlike() {
        try (Bench b = bench(Optional.of(dir.resolve("missing.yaml")))) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> b.playbooks().apply("st20xx")).isInstanceOf(St20xxException.class)
                        .hasMessageContaining("no such playbook file");
            }
        }
    }

    @Test
    void eachCredentialsFileIsReadOncePerBench() throws Exception {
        Path file = dir.resolve("creds.yaml");
        java.nio.file.Files.writeString(file, "mgcp:\n  user: admin\n  password: first\n");
        try (Bench b = bench(Optional.empty())) {
            var first = b.credentials(Optional.of(file));
            assertThat(first.console("mgcp").password().reveal()).isEqualTo("first");
            java.nio.file.Files.writeString(file, "mgcp:\n  user: admin\n  password: second\n");
            assertThat(b.credentials(Optional.of(dir.resolve("./creds.yaml")))).isSameAs(first);
            assertThat(b.credentials(Optional.empty())).isSameAs(b.credentials());
        }
        try (Bench b = bench(Optional.empty())) {
            assertThat(b.credentials(Optional.of(file)).console("mgcp").password().reveal()).isEqualTo("second");
        }
        // the bench's own file (--credentials) named again by a CSV row, one relative and one absolute
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        for (List<Path> names : List.of(List.of(relative, file), List.of(file, relative))) {
            java.nio.file.Files.writeString(file, "mgcp:\n  user: admin\n  password: own\n");
            try (Bench b = bench(Optional.empty(), Optional.of(names.get(0)))) {
                java.nio.file.Files.writeString(file, "mgcp:\n  user: admin\n  password: changed\n");
                var row = b.credentials(Optional.of(names.get(1)));
                assertThat(row).isSameAs(b.credentials());
                assertThat(row.console("mgcp").password().reveal()).isEqualTo("own");
            }
        }
    }

    @Test
    void roomForTwoTransfersPerPhoneNeverBelowTheDefault() {
        assertThat(Bench.maxTransfers(1)).isEqualTo(TftpServerConfig.DEFAULT_MAX_TRANSFERS);
        assertThat(Bench.maxTransfers(32)).isEqualTo(TftpServerConfig.DEFAULT_MAX_TRANSFERS);
        assertThat(Bench.maxTransfers(200)).isEqualTo(400);
        assertThat(Bench.maxTransfers(1_000_000)).isEqualTo(TftpServerConfig.MAX_TRANSFERS_LIMIT).isEqualTo(10_000);
    }
}
