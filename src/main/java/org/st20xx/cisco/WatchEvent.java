package org.st20xx.cisco;

import java.util.Objects;

/**
 * Something the {@link BootWatcher} saw or did, as one line for the technician ({@code st20xx
 * watch} prints {@link #text()} on standard error as it happens).
 */
public record WatchEvent(Kind kind, String text) {
    public enum Kind {
        /** A hop's files are in place (written now, or kept). */
        HOP,
        /** The technician is to power-cycle the phone now. */
        POWER_CYCLE,
        /** The phone asked for a file: found or not, how many bytes. */
        REQUEST,
        /** The phone started fetching a file of the hop's image. */
        FETCHING,
        /** The phone has every file of the image: it flashes it and reboots onto it. */
        IMAGE,
        /** The phone came back on the hop's load and asks for its files again. */
        REBOOT,
        /** The phone read its files on the hop's load and kept it: the hop is done. */
        BOOT_FINISHED,
        /** Anything else worth saying (another client on the server, ...). */
        NOTE
    }

    public WatchEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
