package org.st20xx.cisco;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.st20xx.St20xxException;
import org.st20xx.report.Json;

/**
 * What st20xx wrote into a TFTP root, kept in {@value #NAME} there (written atomically): each
 * file with the SHA-256 of what was written and the phones it was written for, and each phone's
 * current hop. A file counts as st20xx's own only while its bytes still hash to what it wrote; any
 * other file is left alone unless the technician says {@code --force}.
 */
public record ProvisionManifest(int schema, Map<String, FileEntry> files, Map<String, PhoneEntry> phones) {
    public static final String NAME = ".st20xx-provision.json";

    /** A file st20xx wrote: the hash of its bytes and the phones (MACs) it was written for. */
    public record FileEntry(String sha256, List<String> phones) {
        public FileEntry {
            Objects.requireNonNull(sha256, "sha256");
            phones = List.copyOf(phones);
        }
    }

    /**
     * A phone's provisioning: the conversion asked for ({@code from}, {@code target}), the hops
     * left including the one its files are for, the load that hop boots ({@code hopTo}) with its
     * image, and the files. Loads are written {@code protocol:version}. {@code st20xx watch}
     * takes the model, the load and the target from here when it is not given them.
     */
    public record PhoneEntry(String model, String from, String target, int hops, String hopTo, String image,
            List<String> files) {
        public PhoneEntry {
            files = List.copyOf(files);
        }
    }

    public ProvisionManifest {
        files = new TreeMap<>(files);
        phones = new TreeMap<>(phones);
    }

    public static ProvisionManifest empty() {
        return new ProvisionManifest(1, Map.of(), Map.of());
    }

    /** The manifest of {@code root}, or an empty one when st20xx never wrote there. */
    public static ProvisionManifest read(Path root) {
        Path file = root.resolve(NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw St20xxException.usage(file + ": cannot read: " + e.getMessage());
        }
        try {
            ProvisionManifest m = Json.MAPPER.readValue(text, ProvisionManifest.class);
            // missing or null files or phones never get here: the constructor refuses them (caught below)
            if (m.schema() != 1) {
                throw St20xxException.usage(file + ": not a manifest this st20xx reads (schema 1)");
            }
            return m;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw St20xxException.usage(file + ":" + line + ": not a valid st20xx manifest: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " (remove it only if st20xx wrote"
                    + " nothing you want to keep; then every file counts as someone else's)");
        }
    }

    public void write(Path root) throws IOException {
        Json.writeAtomically(root.resolve(NAME), this);
    }

    /** True when {@code bytes} are what st20xx last wrote to {@code name}. */
    public boolean wrote(String name, byte[] bytes) {
        FileEntry e = files.get(name);
        return e != null && e.sha256().equals(sha256(bytes));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
