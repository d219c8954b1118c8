package org.st20xx.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copies and compares the TFTP-root fixtures of src/test/resources/cisco byte for byte. */
final class CiscoFixtures {
    static final Path ROOT = Path.of("src/test/resources/cisco");

    private CiscoFixtures() {
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file of {@code dir} (dot files aside) by name, with its bytes as text. */
    static Map<String, String> contents(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(f)) {
                    out.put(name, new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String[] args(Path argsFile, String... more) {
        try {
            String[] base = Files.readString(argsFile).trim().split("\\s+");
            return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void image(Path root, String... names) throws IOException {
        for (String n : names) {
            Files.writeString(root.resolve(n), "fixture image " + n + "\n");
        }
    }
}
