package org.st20xx.matrix;

import java.util.Objects;

/** A DSP image: its short name in the matrix, its file name and the label the seed uses. */
public record Dsp(String id, String file, String label) {
    public Dsp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return label + " (" + file + ")";
    }
}
