package org.st20xx.tftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Files and waits the TFTP tests share. */
final class Fixtures {
    /** How long a test waits for an event that should come at once. */
    static final Duration EVENT_WAIT = Duration.ofSeconds(10);
    /** One past the block-number rollover at blksize 512: blocks 65536 (sent as 0) and 65537 exist. */
    static final long ROLLOVER_SIZE = 65536L * 512 + 100;

    private Fixtures() {
    }

    /** Deterministic pseudo-random bytes, so a failure can be reproduced. */
    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /** Writes {@code size} pseudo-random bytes in 1 MiB chunks. */
    static Path writeLarge(Path dir, String name, long size) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(size);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    /** The transfer of {@code name} (as requested) that ended, waiting for it. */
    static Transfer awaitTransfer(TransferLog log, String name) throws InterruptedException {
        return awaitTransfer(log, t -> t.fileName().equals(name));
    }

    /** Waits until {@code count} transfers are recorded and returns them. */
    static List<Transfer> awaitCount(TransferLog log, int count) throws InterruptedException {
        return awaitCount(log, t -> true, count);
    }

    /** Waits until {@code count} matching transfers are recorded and returns those. */
    static List<Transfer> awaitCount(TransferLog log, Predicate<Transfer> match, int count) throws InterruptedException {
        awaitTransfer(log, t -> log.transfers().stream().filter(match).count() >= count);
        return log.transfers().stream().filter(match).toList();
    }

    static Transfer awaitTransfer(TransferLog log, Predicate<Transfer> match) throws InterruptedException {
        return log.awaitTransfer(match, EVENT_WAIT)
                .orElseThrow(() -> new AssertionError("no matching transfer event within " + EVENT_WAIT + "; got " + log));
    }
}
