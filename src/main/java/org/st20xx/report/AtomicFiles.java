package org.st20xx.report;

import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a reader sees the old content or the new one, never half of it: the text
 * goes to a temporary file in the same directory, is forced to disk, then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} as they are (a file read as bytes and edited keeps its encoding); owner-only. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, false);
    }

    /**
     * Writes {@code bytes}; when {@code worldReadable} the file is readable by every user (0644 where
     * the file system has POSIX permissions), as a TFTP daemon running as its own user needs. The
     * permissions are set before the rename, so the file never appears with others.
     */
    public static void write(Path file, byte[] bytes, boolean worldReadable) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (worldReadable && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            // a FileOutputStream, not a FileChannel: a journal must still be written by a thread that
            // Ctrl-C has interrupted, and channel writes abort on interruption
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(bytes);
                out.getFD().sync();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
