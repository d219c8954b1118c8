package org.st20xx.matrix;

import java.util.Objects;
import java.util.Optional;

/** A release known to the matrix, with the file names the sources give (when they give them). */
public record Release(Load load, Optional<String> app, Optional<String> config, String source) {
    public Release {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(source, "source");
    }
}
