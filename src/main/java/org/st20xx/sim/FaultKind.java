package org.st20xx.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What goes wrong when a {@link Fault} fires (docs/simulator.md, "Faults"). */
public enum FaultKind {
    /** The connection closes as the command arrives; the command is not executed. */
    DROP,
    /** Power is cut as the command arrives: a brick in a flash phase, else a boot from flash. */
    POWER_LOSS,
    /** The command never answers, nor does that session again; new sessions work. */
    HANG,
    /** The transfer fails ({@code Error: download failed (timeout)}); flash is unchanged. */
    TFTP_FAIL,
    /** The phone goes silent and stays so until it is power-cycled (a reboot that never comes back). */
    NO_RETURN;

    /** The word used in {@code --fault}: {@code drop}, {@code power-loss}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this kind can happen on a console command whose first word is {@code command}: a transfer fails only on a transfer. */
    public boolean canHit(String command) {
        return this != TFTP_FAIL || command.startsWith("tftp");
    }

    static Optional<FaultKind> ofWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }

    static String words() {
        return Arrays.stream(values()).map(FaultKind::word).collect(Collectors.joining(", "));
    }
}
