package org.st20xx.firmware;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.St20xxException;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;

/**
 * What a firmware directory holds, as the matrix sees it. Files it cannot place are listed as
 * warnings, never silently used.
 */
public record FirmwareInventory(Path dir, List<FirmwareFile> files, List<String> warnings) {
    public FirmwareInventory {
        Objects.requireNonNull(dir, "dir");
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** Scans the top level of {@code dir} (the TFTP root is flat; subdirectories are ignored with a warning). */
    public static FirmwareInventory scan(Path dir, Matrix matrix) {
        if (!Files.isDirectory(dir)) {
            throw St20xxException.usage("--firmware " + dir + ": not a directory");
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            throw St20xxException.usage("--firmware " + dir + ": cannot list: " + e.getMessage());
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<FirmwareFile> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                warnings.add(name + "/: subdirectory ignored (phones fetch from the top of the TFTP root)");
                continue;
            }
            if (!Files.isRegularFile(p)) {
                warnings.add(name + ": not a regular file, ignored");
                continue;
            }
            long size;
            try {
                size = Files.size(p);
            } catch (IOException e) {
                warnings.add(name + ": cannot read its size, ignored");
                continue;
            }
            Optional<FirmwareFile> placed = place(name, size, matrix, warnings);
            if (placed.isPresent()) {
                files.add(placed.get());
                if (size == 0) {
                    warnings.add(name + ": empty file (0 bytes); a phone would reject it");
                }
            }
        }
        return new FirmwareInventory(dir, files, warnings);
    }

    private static Optional<FirmwareFile> place(String name, long size, Matrix matrix, List<String> warnings) {
        for (PhoneModel m : matrix.models().values()) {
            Optional<Dsp> dsp = m.dspByFile(name);
            if (dsp.isPresent()) {
                return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.DSP, m.name(), Optional.empty(),
                        Optional.of(dsp.get().id()), size));
            }
            Optional<Load> app = m.applicationLoad(name);
            if (app.isPresent()) {
                if (!m.knows(app.get())) {
                    warnings.add(name + ": " + m.name() + " " + app.get()
                            + " is not in the matrix's compatibility table; it will not be planned");
                    return Optional.empty();
                }
                return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.APPLICATION, m.name(), app, Optional.empty(), size));
            }
            Optional<Load> cfg = m.configLoad(name);
            if (cfg.isPresent()) {
                return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.CONFIG, m.name(), cfg, Optional.empty(), size));
            }
        }
        for (PhoneModel m : matrix.models().values()) {
            for (Dsp d : m.dsps().values()) {
                if (d.file().equalsIgnoreCase(name)) {
                    warnings.add(name + ": differs only by letter case from the " + m.name() + " DSP " + d.file()
                            + "; phones ask for the exact name");
                    return Optional.empty();
                }
            }
            if (m.looksLikeDsp(name)) {
                warnings.add(name + ": looks like a " + m.name() + " DSP image but the matrix does not list it"
                        + " (add it under 'dsps' with the versions that accept it)");
                return Optional.empty();
            }
        }
        warnings.add(name + ": not recognised by any pattern of the matrix, ignored");
        return Optional.empty();
    }

    public List<FirmwareFile> of(String model) {
        return files.stream().filter(f -> f.model().equalsIgnoreCase(model)).toList();
    }

    /** The application file of {@code load} for {@code model} (the first by name when several). */
    public Optional<FirmwareFile> application(String model, Load load) {
        return find(model, FirmwareFile.Kind.APPLICATION, load);
    }

    public Optional<FirmwareFile> config(String model, Load load) {
        return find(model, FirmwareFile.Kind.CONFIG, load);
    }

    public Optional<FirmwareFile> dsp(String model, String dspId) {
        return of(model).stream().filter(f -> f.kind() == FirmwareFile.Kind.DSP && f.dspId().orElse("").equals(dspId))
                .findFirst();
    }

    private Optional<FirmwareFile> find(String model, FirmwareFile.Kind kind, Load load) {
        return of(model).stream().filter(f -> f.kind() == kind && f.load().map(load::equals).orElse(false)).findFirst();
    }

    /** Loads with an application file for {@code model}. */
    public List<Load> applications(String model) {
        return of(model).stream().filter(f -> f.kind() == FirmwareFile.Kind.APPLICATION)
                .map(f -> f.load().orElseThrow()).distinct().sorted().toList();
    }
}
