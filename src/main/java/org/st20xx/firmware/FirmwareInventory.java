package org.st20xx.firmware;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.St20xxException;
import org.st20xx.matrix.BootProfile;
import org.st20xx.matrix.BootRequest;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.ImageFormat;
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
        Map<String, Long> sizes = new LinkedHashMap<>();
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
            try {
                sizes.put(name, Files.size(p));
            } catch (IOException e) {
                warnings.add(name + ": cannot read its size, ignored");
            }
        }
        List<FirmwareFile> files = new ArrayList<>();
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            List<FirmwareFile> placed = place(e.getKey(), e.getValue(), matrix, sizes, warnings);
            files.addAll(placed);
            if (!placed.isEmpty() && e.getValue() == 0) {
                warnings.add(e.getKey() + ": empty file (0 bytes); a phone would reject it");
            }
        }
        return new FirmwareInventory(dir, files, warnings);
    }

    /** The file as each model that recognises it sees it; none means a warning says why. */
    private static List<FirmwareFile> place(String name, long size, Matrix matrix, Map<String, Long> all,
            List<String> warnings) {
        List<FirmwareFile> out = new ArrayList<>();
        List<String> unknownLoads = new ArrayList<>();
        for (PhoneModel m : matrix.models().values()) {
            placeFor(m, name, size, all, unknownLoads).ifPresent(out::add);
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (!unknownLoads.isEmpty()) {
            warnings.add(unknownLoads.get(0));
            return out;
        }
        for (PhoneModel m : matrix.models().values()) {
            for (Dsp d : m.dsps().values()) {
                if (d.file().equalsIgnoreCase(name)) {
                    warnings.add(name + ": differs only by letter case from the " + m.name() + " DSP " + d.file()
                            + "; phones ask for the exact name");
                    return out;
                }
            }
            if (m.looksLikeDsp(name)) {
                warnings.add(name + ": looks like a " + m.name() + " DSP image but the matrix does not list it"
                        + " (add it under 'dsps' with the versions that accept it)");
                return out;
            }
        }
        for (PhoneModel m : matrix.models().values()) {
            Optional<String> hint = imageHint(m, name);
            if (hint.isPresent()) {
                warnings.add(name + ": " + hint.get());
                return out;
            }
        }
        warnings.add(name + ": not recognised by any pattern of the matrix, ignored");
        return out;
    }

    private static Optional<FirmwareFile> placeFor(PhoneModel m, String name, long size, Map<String, Long> all,
            List<String> unknownLoads) {
        Optional<Dsp> dsp = m.dspByFile(name);
        if (dsp.isPresent()) {
            return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.DSP, m.name(), Optional.empty(),
                    Optional.of(dsp.get().id()), size));
        }
        Optional<Load> app = m.applicationLoad(name);
        if (app.isPresent()) {
            if (!m.knows(app.get())) {
                unknownLoads.add(name + ": " + m.name() + " " + app.get()
                        + " is not in the matrix's compatibility table; it will not be planned");
                return Optional.empty();
            }
            return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.APPLICATION, m.name(), app, Optional.empty(), size));
        }
        Optional<Load> cfg = m.configLoad(name);
        if (cfg.isPresent()) {
            return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.CONFIG, m.name(), cfg, Optional.empty(), size));
        }
        Optional<Load> part = partOf(m, name, all);
        if (part.isPresent()) {
            return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.PART, m.name(), part, Optional.empty(), size));
        }
        if (bootFile(m, name)) {
            return Optional.of(new FirmwareFile(name, FirmwareFile.Kind.PROVISIONING, m.name(), Optional.empty(),
                    Optional.empty(), size));
        }
        return Optional.empty();
    }

    /** The load whose image (present in the directory by its primary file) {@code name} is another file of. */
    private static Optional<Load> partOf(PhoneModel m, String name, Map<String, Long> all) {
        for (String other : all.keySet()) {
            for (ImageFormat f : m.images()) {
                Optional<String> image = f.imageOfPrimary(other);
                if (image.isPresent() && f.allFiles(image.get()).contains(name)) {
                    return f.loadOf(image.get());
                }
            }
        }
        return Optional.empty();
    }

    /** True when a phone of this model asks for a file of that name at boot (any MAC). */
    private static boolean bootFile(PhoneModel m, String name) {
        for (BootProfile b : m.boot().values()) {
            for (BootRequest r : b.requests()) {
                if (r.names(false).matcher(name).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why a name that looks like one of this model's images is not used, when it does. */
    private static Optional<String> imageHint(PhoneModel m, String name) {
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        Optional<Load> load = m.imageLoad(base);
        if (load.isEmpty()) {
            return Optional.empty();
        }
        ImageFormat f = m.imageFormat(load.get()).orElseThrow();
        return Optional.of("reads as " + m.name() + " " + load.get() + " but that image is installed from "
                + String.join(", ", f.allFiles(base)) + (name.toLowerCase(Locale.ROOT).equals(name) ? ""
                        : " (TFTP file names are case sensitive)") + "; ignored");
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
