package org.st20xx;

import java.util.Objects;

/**
 * One thing wrong with an input file, with where it is: {@code file:line:col: message}.
 * Line and column are 1-based; 0 means unknown (then they are left out of the text).
 */
public record InputProblem(String file, int line, int column, String message) {
    public InputProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }
}
