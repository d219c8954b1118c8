package org.st20xx.firmware;

import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Load;

/** A file of the firmware directory that the matrix recognises. */
public record FirmwareFile(String name, Kind kind, String model, Optional<Load> load, Optional<String> dspId,
        long size) {
    public enum Kind {
        APPLICATION, DSP, CONFIG;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FirmwareFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(dspId, "dspId");
    }
}
