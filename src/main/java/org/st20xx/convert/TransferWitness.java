package org.st20xx.convert;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the TFTP server saw: lets a step be verified by what the phone really fetched, not only by
 * what its console printed.
 */
public interface TransferWitness {
    /** A finished transfer of one file to one client. */
    record Proof(long bytes, boolean complete, String outcome) {
    }

    /** False when transfers cannot be seen (an external TFTP server): steps then rest on the console alone. */
    boolean sees();

    /**
     * Waits at most {@code timeout} for a finished transfer of {@code file} to {@code client} that
     * started at or after {@code since} and that no earlier call claimed; claims and returns it
     * (complete or not), or empty when none came.
     */
    Optional<Proof> claim(InetAddress client, String file, Instant since, Duration timeout);

    /** A witness for an external TFTP server: sees nothing. */
    TransferWitness BLIND = new TransferWitness() {
        @Override
        public boolean sees() {
            return false;
        }

        @Override
        public Optional<Proof> claim(InetAddress client, String file, Instant since, Duration timeout) {
            return Optional.empty();
        }
    };
}
