package org.st20xx.tftp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves a requested name to a regular file inside the root, or says why not. The rules:
 * <ul>
 *   <li>names longer than {@value #MAX_NAME_LENGTH} characters, empty names and names with a
 *       control character or undecodable bytes are refused;</li>
 *   <li>{@code \} counts as {@code /}; leading {@code /} are removed: the root is the client's
 *       {@code /}, like tftpd-hpa with {@code -s} (phones often ask for {@code /file});</li>
 *   <li>a {@code ..} component anywhere is refused, even when it would stay inside the root;</li>
 *   <li>symbolic links are followed, and refused when the target is outside the root;</li>
 *   <li>only regular files are served: directories, devices, FIFOs and sockets are refused;</li>
 *   <li>a missing file is "not found"; when a name that differs only in letter case exists in
 *       the same directory, the detail names it (phones ask in exact case, Linux is exact).</li>
 * </ul>
 */
final class Jail {
    static final int MAX_NAME_LENGTH = 255;
    /** How many directory entries the letter-case hint looks at, at most. */
    private static final int HINT_SCAN_LIMIT = 10_000;

    private final Path root;
    private final Path realRoot;

    /** A name resolved to a readable regular file. */
    record Found(Path file) implements Resolution {
    }

    /** A name refused: the outcome, the TFTP error code and message for the client, and the detail for the log. */
    record Refused(Outcome outcome, int errorCode, String message, String detail) implements Resolution {
    }

    sealed interface Resolution permits Found, Refused {
    }

    /** @throws IOException when the root does not exist or cannot be resolved */
    Jail(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new IOException(root + " is not a directory");
        }
    }

    Path root() {
        return realRoot;
    }

    Resolution resolve(String requested) {
        Objects.requireNonNull(requested, "requested");
        if (requested.length() > MAX_NAME_LENGTH) {
            return denied("name longer than " + MAX_NAME_LENGTH + " characters (" + requested.length() + ")");
        }
        if (requested.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0xfffd)) {
            return denied("name contains a control character or bytes that are not UTF-8");
        }
        List<String> parts = new ArrayList<>();
        for (String part : requested.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                return denied("'..' is not allowed in a name");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return denied("the name is empty or names the root directory");
        }
        Path candidate;
        try {
            candidate = root.resolve(String.join("/", parts)).normalize();
        } catch (InvalidPathException e) {
            return denied("not a valid path: " + e.getReason());
        }
        if (!candidate.startsWith(root)) {
            return denied("resolves outside the root");
        }
        Path real;
        BasicFileAttributes attributes;
        try {
            real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                return denied("a symbolic link leads outside the root (to " + real + ")");
            }
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return notFound(candidate);
        } catch (IOException e) {
            return denied("cannot be resolved: " + e);
        }
        if (!attributes.isRegularFile()) {
            return denied("not a regular file (" + (attributes.isDirectory() ? "a directory" : "a device, FIFO or socket")
                    + ")");
        }
        if (!Files.isReadable(real)) {
            return denied("the file is not readable by the server");
        }
        return new Found(real);
    }

    private static Refused denied(String detail) {
        return new Refused(Outcome.ACCESS_DENIED, Packets.ERR_ACCESS, "Access violation", detail);
    }

    private Refused notFound(Path candidate) {
        String wanted = candidate.getFileName().toString();
        String detail = "no such file under the root";
        String other = sameNameOtherCase(candidate.getParent(), wanted);
        if (other != null) {
            detail += "; '" + other + "' exists (the names differ only in letter case)";
        }
        return new Refused(Outcome.NOT_FOUND, Packets.ERR_NOT_FOUND, "File not found", detail);
    }

    private String sameNameOtherCase(Path directory, String wanted) {
        try {
            if (directory == null || !directory.toRealPath().startsWith(realRoot)) {
                return null;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                int seen = 0;
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (name.equalsIgnoreCase(wanted)) {
                        return name;
                    }
                    if (++seen == HINT_SCAN_LIMIT) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // no hint then: the directory is missing or unreadable
        }
        return null;
    }
}
