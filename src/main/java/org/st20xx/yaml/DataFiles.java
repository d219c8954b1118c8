package org.st20xx.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.st20xx.St20xxException;

/**
 * Where a data file (the firmware matrix, a playbook) is read from, in order: the path given on the
 * command line, the one an environment variable names, the file in the current directory when
 * present, else the copy built into the jar. Each is read into a located tree named for messages.
 */
public final class DataFiles {
    /** A tree and the name its problems are reported under. */
    public record Source(YamlNode tree, String name) {
    }

    private DataFiles() {
    }

    /**
     * @param explicit    the command line's path, or null
     * @param environment the path an environment variable names, or null
     * @param local       the file in the current directory (used when it exists)
     * @param resource    the built-in copy's resource path
     * @param kind        what the file is, for messages ("matrix file", "playbook file")
     */
    public static Source resolve(Path explicit, Path environment, Path local, String resource, String kind) {
        if (explicit != null) {
            return read(explicit, explicit.toString(), kind);
        }
        if (environment != null) {
            return read(environment, environment.toString(), kind);
        }
        if (Files.isRegularFile(local)) {
            return read(local, local.toString(), kind);
        }
        return builtIn(resource, local.toString(), kind);
    }

    /** A file that must exist. */
    public static Source read(Path file, String displayName, String kind) {
        if (!Files.isRegularFile(file)) {
            throw St20xxException.usage(displayName + ": no such " + kind);
        }
        return new Source(YamlTreeReader.read(file, displayName), displayName);
    }

    /** The copy built into the jar; {@code name} is how messages call it (with " (built-in)"). */
    public static Source builtIn(String resource, String name, String kind) {
        try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw St20xxException.usage("no built-in " + kind + " " + name);
            }
            String display = name + " (built-in)";
            return new Source(YamlTreeReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), display), display);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + kind + " " + name, e);
        }
    }

    /** The value of environment variable {@code name} as a path, or null when unset or blank. */
    public static Path fromEnvironment(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
