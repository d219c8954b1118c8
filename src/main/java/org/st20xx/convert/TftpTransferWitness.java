package org.st20xx.convert;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.Transfer;
import org.st20xx.tftp.TransferListener;

/**
 * The embedded TFTP server as a witness: it records every finished transfer, and each step claims
 * the transfer that proves it. A transfer is claimed once, so phones that share an address (the
 * simulator's phones on 127.0.0.1) cannot prove each other's steps.
 */
public final class TftpTransferWitness implements TransferWitness, TransferListener {
    /** Transfers older than this are forgotten (a step claims its own within seconds). */
    private static final Duration KEEP = Duration.ofMinutes(30);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Transfer> transfers = new ArrayList<>();
    private final Set<Transfer> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A witness listening to {@code server}. */
    public static TftpTransferWitness of(TftpServer server) {
        TftpTransferWitness w = new TftpTransferWitness();
        server.addListener(w);
        return w;
    }

    @Override
    public boolean sees() {
        return true;
    }

    @Override
    public void transferFinished(Transfer transfer) {
        lock.lock();
        try {
            Instant horizon = transfer.start().minus(KEEP);
            transfers.removeIf(t -> {
                boolean old = t.start().isBefore(horizon);
                if (old) {
                    claimed.remove(t);
                }
                return old;
            });
            transfers.add(transfer);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<TransferWitness.Proof> claim(InetAddress client, String file, Instant since, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<Transfer> found = transfers.stream()
                        .filter(t -> !claimed.contains(t))
                        .filter(t -> client.equals(t.client().getAddress()))
                        .filter(t -> t.relativeName().equals(file))
                        .filter(t -> !t.start().isBefore(since))
                        .min(java.util.Comparator.comparing((org.st20xx.tftp.Transfer t) -> !t.complete())
                                .thenComparing(org.st20xx.tftp.Transfer::start));
                if (found.isPresent()) {
                    claimed.add(found.get());
                    Transfer t = found.get();
                    return Optional.of(new TransferWitness.Proof(t.bytes(), t.complete(),
                            t.outcome() + (t.detail().isEmpty() ? "" : ": " + t.detail())));
                }
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new St20xxException(ExitStatus.INTERRUPTED, "interrupted while checking a transfer of " + file);
        } finally {
            lock.unlock();
        }
    }
}
