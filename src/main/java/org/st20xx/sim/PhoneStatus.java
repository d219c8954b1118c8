package org.st20xx.sim;

import java.util.Locale;

/** The {@code state} of a simulated phone, as its state file writes it. */
public enum PhoneStatus {
    /** Up, running what is in flash with a configuration of its protocol. */
    RUNNING,
    /** Up, but booted another protocol without the clean sequence. */
    MISCONFIGURED,
    /** Rebooting: telnet and HTTP closed for the boot time. */
    BOOTING,
    /** Dead for good: telnet and HTTP closed; power-cycling does not revive it. */
    BRICKED,
    /** A reboot that never came back ({@code no-return} fault): silent until power-cycled. */
    STUCK,
    /**
     * Up, but its last boot went wrong (Cisco): it runs its old image, or none, and its screen
     * shows why ({@code display}: "Protocol Application Invalid", "Unprovisioned", ...).
     */
    FAILED;

    /** The word in the state file: {@code running}, {@code misconfigured}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the phone answers telnet (when enabled) and HTTP. */
    public boolean up() {
        return this == RUNNING || this == MISCONFIGURED || this == FAILED;
    }
}
