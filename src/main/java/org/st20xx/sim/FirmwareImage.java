package org.st20xx.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Version;

/**
 * The header of a simulated firmware file (assumptions.md A-14): real images carry a header the
 * phone checks, so the simulator's fixtures carry this one. It is one ASCII line, then the payload:
 *
 * <pre>
 * ST20XX-IMAGE/1 model=ST2030 kind=application protocol=sip version=1.66.2 name=v2030SG.081210.1.66.2.zz length=65536 crc32=2e92e7e0\n
 * &lt;length bytes of payload&gt;
 * </pre>
 *
 * {@code kind} is {@code application}, {@code dsp} or {@code config}; DSP images have no
 * {@code protocol}/{@code version}. {@code crc32} (8 lower-case hex digits) is the CRC-32 of the
 * header line up to the space before {@code crc32=}, followed by the payload, so a truncated file,
 * an altered payload and an altered header field are all caught.
 */
public record FirmwareImage(String model, ImageKind kind, Optional<Load> load, String name, long length) {
    public static final String MAGIC = "ST20XX-IMAGE/1";
    private static final int MAX_HEADER = 1024;

    public FirmwareImage {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(name, "name");
        if ((kind == ImageKind.DSP) != load.isEmpty()) {
            throw new IllegalArgumentException(kind.word() + " images " + (kind == ImageKind.DSP ? "have no" : "need a")
                    + " protocol and version");
        }
        if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("file name '" + name + "' must be printable ASCII without spaces");
        }
    }

    /** A file holding {@code payload} under this header (its {@code length} is the payload's). */
    public static byte[] build(String model, ImageKind kind, Optional<Load> load, String name, byte[] payload) {
        FirmwareImage image = new FirmwareImage(model, kind, load, name, payload.length);
        byte[] head = image.headerWithoutChecksum().getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (" crc32=" + HexFormat.of().toHexDigits((int) crc(head, payload)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + tail.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        System.arraycopy(payload, 0, out, head.length + tail.length, payload.length);
        return out;
    }

    /**
     * Reads and checks the header of a whole file.
     *
     * @throws Rejected with the reason a phone would give: {@code unknown image format} or
     *         {@code bad checksum}
     */
    public static FirmwareImage parse(byte[] file) throws Rejected {
        int nl = -1;
        for (int i = 0; i < Math.min(file.length, MAX_HEADER); i++) {
            if (file[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            throw new Rejected("unknown image format");
        }
        String line = new String(file, 0, nl, StandardCharsets.US_ASCII);
        int crcAt = line.lastIndexOf(" crc32=");
        if (!line.startsWith(MAGIC + " ") || crcAt < 0) {
            throw new Rejected("unknown image format");
        }
        Map<String, String> fields = new HashMap<>();
        for (String token : line.substring(MAGIC.length() + 1).split(" ")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new Rejected("unknown image format");
            }
            fields.put(token.substring(0, eq), token.substring(eq + 1));
        }
        FirmwareImage image = fromFields(fields);
        byte[] payload = new byte[file.length - nl - 1];
        System.arraycopy(file, nl + 1, payload, 0, payload.length);
        byte[] head = line.substring(0, crcAt).getBytes(StandardCharsets.US_ASCII);
        String wanted = fields.get("crc32");
        if (payload.length != image.length()
                || !HexFormat.of().toHexDigits((int) crc(head, payload)).equals(wanted)) {
            throw new Rejected("bad checksum");
        }
        return image;
    }

    private static FirmwareImage fromFields(Map<String, String> f) throws Rejected {
        Optional<ImageKind> kind = Optional.ofNullable(f.get("kind")).flatMap(ImageKind::ofWord);
        String model = f.get("model");
        String name = f.get("name");
        String length = f.get("length");
        if (kind.isEmpty() || model == null || name == null || length == null || !length.matches("\\d{1,12}")) {
            throw new Rejected("unknown image format");
        }
        Optional<Load> load = Optional.empty();
        if (kind.get() != ImageKind.DSP) {
            String protocol = f.get("protocol");
            String version = f.get("version");
            if (protocol == null || !protocol.matches("[a-z][a-z0-9]*") || !Version.isVersion(version)) {
                throw new Rejected("unknown image format");
            }
            load = Optional.of(Load.of(protocol, version));
        }
        try {
            return new FirmwareImage(model, kind.get(), load, name, Long.parseLong(length));
        } catch (IllegalArgumentException e) {
            throw new Rejected("unknown image format");
        }
    }

    private String headerWithoutChecksum() {
        StringBuilder sb = new StringBuilder(MAGIC).append(" model=").append(model).append(" kind=").append(kind.word());
        load.ifPresent(l -> sb.append(" protocol=").append(l.protocol()).append(" version=").append(l.version()));
        return sb.append(" name=").append(name).append(" length=").append(length).toString();
    }

    private static long crc(byte[] head, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(payload);
        return crc.getValue();
    }

    /** A file the phone refuses; {@link #getMessage()} is the reason it prints. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }
}
