package org.st20xx.cli;

import java.nio.file.Path;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import picocli.CommandLine.Option;

/** {@code --matrix FILE}: which firmware matrix to use. */
public class MatrixOption {
    @Option(names = "--matrix", paramLabel = "FILE",
            description = "Firmware matrix to use (default: $ST20XX_MATRIX, else ./firmware-matrix.yaml when present,"
                    + " else the built-in one).")
    Path matrix;

    Matrix load() {
        return MatrixLoader.resolve(matrix);
    }
}
