package org.st20xx.firmware;

import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Load;

/**
 * A file of the firmware directory that the matrix recognises, for one model (a file two models
 * share, like a Cisco 7940/7960 image, is listed once per model).
 */
public record FirmwareFile(String name, Kind kind, String model, Optional<Load> load, Optional<String> dspId,
        long size) {
    public enum Kind {
        /** An application image (for image formats: the image's primary file, e.g. P0S3-07-4-00.loads). */
        APPLICATION,
        DSP,
        /** A telephone configuration of one load (ST20xx TelConf). */
        CONFIG,
        /** Another file of an image: its loader or application part (P003-07-4-00.sbn, P0S3-07-4-00.sb2). */
        PART,
        /** A file phones ask for at boot (OS79XX.TXT, SIPDefault.cnf, SEP&lt;MAC&gt;.cnf.xml...): no load. */
        PROVISIONING;

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
