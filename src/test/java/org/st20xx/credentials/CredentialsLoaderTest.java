package org.st20xx.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.InvalidInputException;

class CredentialsLoaderTest {
    private static final List<String> PROTOCOLS = List.of("sip", "mgcp");

    @Test
    void defaultsAreTheSeedAccounts() {
        Credentials c = CredentialsLoader.load(Optional.empty(), PROTOCOLS, k -> null, Optional.empty());
        assertThat(c.console("sip").user()).isEqualTo("administrator");
        assertThat(c.console("mgcp").password().reveal()).isEqualTo("789234");
        assertThat(c.web().password().reveal()).isEqualTo("784518");
    }

    @Test
    void fileWinsOverEnvironmentWhichWinsOverDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("creds.yaml");
        Files.writeString(file, "mgcp: { user: admin, password: \"s3cret\" }\n");
        Map<String, String> env = Map.of("ST20XX_MGCP_PASSWORD", "envpw", "ST20XX_SIP_PASSWORD", "sippw");
        Credentials c = CredentialsLoader.load(Optional.of(file), PROTOCOLS, env::get, Optional.empty());
        assertThat(c.console("mgcp")).isEqualTo(new Account("admin", Secret.of("s3cret")));
        assertThat(c.console("sip").password().reveal()).isEqualTo("sippw");
        assertThat(c.console("sip").user()).isEqualTo("administrator");
    }

    @Test
    void secretsNeverPrint() {
        Account a = new Account("admin", Secret.of("hunter2"));
        assertThat(a.toString()).isEqualTo("admin/****").doesNotContain("hunter2");
        assertThat(new Credentials(Map.of("sip", a)).toString()).doesNotContain("hunter2");
    }

    @Test
    void aProfileWithoutPasswordNeedsATerminal(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("creds.yaml");
        Files.writeString(file, "sip: { user: admin }\nweb: { user: a, pasword: x }\n");
        assertThatThrownBy(() -> CredentialsLoader.load(Optional.of(file), PROTOCOLS, k -> null, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(":1:6: profile 'sip' has no password and there is no terminal to ask for it")
                .hasMessageContaining(":2:17: unknown key 'pasword'")
                .hasMessageNotContaining(" x");
    }
}
