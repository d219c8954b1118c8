package org.st20xx.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;

/**
 * Writes firmware files the simulated phones accept: for a model of the matrix, every known
 * release's application and TelConf (named as the matrix names them, or by its patterns) and
 * every DSP, each with the checksummed header of {@link FirmwareImage} and some padding.
 * The demo, the executor tests and the batch tests serve these with a TFTP server.
 *
 * <pre>
 * List&lt;Path&gt; files = FirmwareFixtures.of(model).writeAll(dir);
 * FirmwareFixtures.corrupt(dir.resolve("ST2030_dsp_v101.zz"));   // now "image rejected (bad checksum)"
 * </pre>
 *
 * Payloads are pseudo-random bytes seeded by the file name (images) or text lines (TelConf), so
 * the same call always writes the same bytes.
 */
public final class FirmwareFixtures {
    /** Default size of an application or DSP payload: small, so tests are fast. */
    public static final int DEFAULT_IMAGE_SIZE = 64 * 1024;
    /** Default size of a TelConf payload. */
    public static final int DEFAULT_CONFIG_SIZE = 4 * 1024;

    private final PhoneModel model;
    private final int imageSize;
    private final int configSize;

    private FirmwareFixtures(PhoneModel model, int imageSize, int configSize) {
        this.model = Objects.requireNonNull(model, "model");
        if (imageSize < 0 || configSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        this.imageSize = imageSize;
        this.configSize = configSize;
    }

    public static FirmwareFixtures of(PhoneModel model) {
        return new FirmwareFixtures(model, DEFAULT_IMAGE_SIZE, DEFAULT_CONFIG_SIZE);
    }

    /** The same writer with another payload size for applications and DSPs. */
    public FirmwareFixtures imageSize(int bytes) {
        return new FirmwareFixtures(model, bytes, configSize);
    }

    /** The same writer with another payload size for TelConf files. */
    public FirmwareFixtures configSize(int bytes) {
        return new FirmwareFixtures(model, imageSize, bytes);
    }

    /**
     * Every release's application and TelConf and every DSP of the model, in {@code dir} (created
     * when missing); for a model provisioned over TFTP (Cisco), every file of every release's image
     * ({@link #writeImageFiles}). Returns the files written, sorted by name.
     */
    public List<Path> writeAll(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Release r : model.releases()) {
            if (model.provisionedOverTftp()) {
                out.addAll(writeImageFiles(dir, r.load()));
                continue;
            }
            out.add(writeApplication(dir, r.load()));
            out.add(writeConfig(dir, r.load()));
        }
        model.dsps().values().stream().sorted(Comparator.comparing(Dsp::file)).forEach(d -> out.add(writeDsp(dir, d)));
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /** The application image of {@code load} (any version the patterns can name, known or not). */
    public Path writeApplication(Path dir, Load load) {
        String name = FirmwareNames.application(model, load);
        return write(dir, name, FirmwareImage.build(model.name(), ImageKind.APPLICATION, Optional.of(load), name,
                noise(name, imageSize)));
    }

    /**
     * Every file of the image of {@code load} on a model provisioned over TFTP, whatever load a
     * phone comes from, named as the matrix's {@code images} say ({@code P0S3-08-12-00.loads},
     * {@code P003-08-12-00.bin}, {@code P003-08-12-00.sbn}, {@code P0S3-08-12-00.sb2}); each has the
     * header of an application of that load under its own name. Returns them in fetch order.
     */
    public List<Path> writeImageFiles(Path dir, Load load) {
        ImageFormat format = model.imageFormat(load).orElseThrow(() -> new IllegalArgumentException(model.name()
                + " has no image format for " + load));
        List<Path> out = new ArrayList<>();
        for (String name : format.allFiles(FirmwareNames.image(model, load))) {
            out.add(write(dir, name, FirmwareImage.build(model.name(), ImageKind.APPLICATION, Optional.of(load), name,
                    noise(name, imageSize))));
        }
        return out;
    }

    public Path writeConfig(Path dir, Load load) {
        String name = FirmwareNames.config(model, load);
        return write(dir, name, FirmwareImage.build(model.name(), ImageKind.CONFIG, Optional.of(load), name,
                telConf(load, configSize)));
    }

    public Path writeDsp(Path dir, Dsp dsp) {
        return write(dir, dsp.file(), FirmwareImage.build(model.name(), ImageKind.DSP, Optional.empty(), dsp.file(),
                noise(dsp.file(), imageSize)));
    }

    /** A file named {@code fileName} whose header says whatever {@code header} says (for wrong-model tests). */
    public static Path writeImage(Path dir, String fileName, FirmwareImage header, byte[] payload) {
        return write(dir, fileName, FirmwareImage.build(header.model(), header.kind(), header.load(), header.name(),
                payload));
    }

    /** Flips one payload byte in place: the phone then answers {@code image rejected (bad checksum)}. */
    public static void corrupt(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length == 0) {
                throw new IllegalArgumentException(file + " is empty");
            }
            b[b.length - 1 - (b.length / 4)] ^= 0x5a;
            Files.write(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the file to its first {@code keep} bytes in place (a truncated copy on the server). */
    public static void truncate(Path file, int keep) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (keep < 0 || keep >= b.length) {
                throw new IllegalArgumentException("keep " + keep + " of " + b.length + " bytes");
            }
            Files.write(file, java.util.Arrays.copyOf(b, keep));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] noise(String seed, int size) {
        byte[] b = new byte[size];
        new Random(seed.hashCode()).nextBytes(b);
        return b;
    }

    private byte[] telConf(Load load, int size) {
        StringBuilder sb = new StringBuilder("# TelConf for " + model.name() + " " + load + " (st20xx simulator fixture)\n");
        for (int n = 1; sb.length() < size; n++) {
            sb.append("param").append(n).append("=").append(n * 7919 % 10007).append('\n');
        }
        return sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
