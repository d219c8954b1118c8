package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.St20xxException;

class ProvisionManifestTest {
    @TempDir
    Path root;

    private void manifest(String json) throws IOException {
        Files.writeString(root.resolve(ProvisionManifest.NAME), json);
    }

    @Test
    void readsWhatItWrote() throws IOException {
        ProvisionManifest m = new ProvisionManifest(1,
                Map.of("OS79XX.TXT", new ProvisionManifest.FileEntry(ProvisionManifest.sha256(new byte[] {1}),
                        List.of("001A2B3C4D5E"))),
                Map.of("001A2B3C4D5E", new ProvisionManifest.PhoneEntry("7960", "sccp:8.0.4", "sip:7.4", 1,
                        "sip:7.4", "P0S3-07-4-00", List.of("OS79XX.TXT"))));
        m.write(root);

        assertThat(ProvisionManifest.read(root)).isEqualTo(m);
        assertThat(ProvisionManifest.read(root).wrote("OS79XX.TXT", new byte[] {1})).isTrue();
        assertThat(ProvisionManifest.read(root).wrote("OS79XX.TXT", new byte[] {2})).isFalse();
    }

    @Test
    void anEmptyRootHasAnEmptyManifest() {
        assertThat(ProvisionManifest.read(root)).isEqualTo(ProvisionManifest.empty());
    }

    @Test
    void refusesAnotherSchema() throws IOException {
        manifest("{\"schema\": 2, \"files\": {}, \"phones\": {}}");

        assertThatThrownBy(() -> ProvisionManifest.read(root)).isInstanceOf(St20xxException.class)
                .hasMessage(root.resolve(ProvisionManifest.NAME) + ": not a manifest this st20xx reads (schema 1)");
    }

    @Test
    void missingOrNullFilesOrPhonesAreNotAValidManifest() throws IOException {
        for (String json : List.of("{\"schema\": 1, \"phones\": {}}", "{\"schema\": 1, \"files\": {}}",
                "{\"schema\": 1, \"files\": null, \"phones\": {}}", "{\"schema\": 1, \"files\": {}, \"phones\": null}",
                "{\"schema\": 2}")) {
            manifest(json);

            assertThatThrownBy(() -> ProvisionManifest.read(root)).as(json).isInstanceOf(St20xxException.class)
                    .hasMessageStartingWith(root.resolve(ProvisionManifest.NAME) + ":1: not a valid st20xx manifest: ")
                    .hasMessageEndingWith(" (remove it only if st20xx wrote nothing you want to keep; then every file"
                            + " counts as someone else's)");
        }
    }
}
