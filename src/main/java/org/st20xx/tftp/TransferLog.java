package org.st20xx.tftp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A listener that remembers the latest requests and transfers and lets other threads wait for one
 * that matches: "did the phone at 10.0.0.7 fetch v2030SG.zz completely?". Thread-safe. Waiting
 * also looks at what was already recorded, so it does not matter whether the transfer ended
 * before or after the wait began; to ignore older events, put a time in the predicate
 * ({@code t.start().isAfter(stepStart)}) or add a fresh log for each step.
 */
public final class TransferLog implements TransferListener {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<TftpRequest> requests = new ArrayDeque<>();
    private final ArrayDeque<Transfer> transfers = new ArrayDeque<>();

    public TransferLog() {
        this(DEFAULT_CAPACITY);
    }

    /** Keeps the last {@code capacity} requests and the last {@code capacity} transfers. */
    public TransferLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 (got " + capacity + ")");
        }
        this.capacity = capacity;
    }

    /**
     * Matches a complete transfer to {@code client} of a file named {@code fileName}: the name
     * as requested (leading {@code /} ignored) or the name of the file it resolved to.
     */
    public static Predicate<Transfer> fetched(InetAddress client, String fileName) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(fileName, "fileName");
        return t -> t.complete() && client.equals(t.client().getAddress())
                && (t.relativeName().equals(fileName)
                        || t.file() != null && fileName.equals(fileNameOf(t.file())));
    }

    private static String fileNameOf(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }

    @Override
    public void requestReceived(TftpRequest request) {
        add(requests, request);
    }

    @Override
    public void transferFinished(Transfer transfer) {
        add(transfers, transfer);
    }

    /** The recorded requests, oldest first. */
    public List<TftpRequest> requests() {
        return snapshot(requests);
    }

    /** The recorded transfers, oldest first. */
    public List<Transfer> transfers() {
        return snapshot(transfers);
    }

    /**
     * The first recorded transfer that matches, waiting up to {@code timeout} for one to arrive.
     *
     * @return empty when none matched before the deadline
     */
    public Optional<Transfer> awaitTransfer(Predicate<? super Transfer> match, Duration timeout)
            throws InterruptedException {
        return await(transfers, match, timeout);
    }

    /** Like {@link #awaitTransfer}, for requests as they arrive (before they are served). */
    public Optional<TftpRequest> awaitRequest(Predicate<? super TftpRequest> match, Duration timeout)
            throws InterruptedException {
        return await(requests, match, timeout);
    }

    private <T> void add(ArrayDeque<T> events, T event) {
        lock.lock();
        try {
            if (events.size() == capacity) {
                events.removeFirst();
            }
            events.addLast(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <T> List<T> snapshot(ArrayDeque<T> events) {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    private <T> Optional<T> await(ArrayDeque<T> events, Predicate<? super T> match, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(match, "match");
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (T event : events) {
                    if (match.test(event)) {
                        return Optional.of(event);
                    }
                }
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "TransferLog" + transfers().stream().map(Transfer::summary).toList();
    }
}
