package org.st20xx.sim;

import java.util.Optional;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.sim.FirmwareImage.Rejected;

/**
 * What a phone accepts after a transfer. The header decides what a file is;
 * the simulator also wants the file name to be one the matrix recognises for this model, and the
 * header to agree with it (docs/assumptions.md A-18).
 */
final class ImageCheck {
    private ImageCheck() {
    }

    /** An application or DSP image for {@code tftp}. */
    static FirmwareImage firmware(PhoneModel model, String file, byte[] data) throws Rejected {
        FirmwareImage img = FirmwareImage.parse(data);
        sameModel(model, img, "image");
        switch (img.kind()) {
            case CONFIG -> throw new Rejected(file + " is a configuration file (load it with tftp2 telcfg)");
            case APPLICATION -> named(model.applicationLoad(file), img, file, "image");
            case DSP -> {
                if (model.dspByFile(file).isEmpty()) {
                    throw new Rejected("unknown image " + file);
                }
                named(Optional.empty(), img, file, "image");
            }
        }
        return img;
    }

    /** A TelConf for {@code tftp2 telcfg}, of the protocol the phone runs. */
    static FirmwareImage config(PhoneModel model, String file, byte[] data, String runningProtocol) throws Rejected {
        FirmwareImage img = FirmwareImage.parse(data);
        sameModel(model, img, "configuration");
        if (img.kind() != ImageKind.CONFIG) {
            throw new Rejected(file + " is not a configuration file");
        }
        named(model.configLoad(file), img, file, "configuration");
        String protocol = img.load().orElseThrow().protocol();
        if (!protocol.equals(runningProtocol)) {
            throw new Rejected("configuration for " + protocol.toUpperCase(java.util.Locale.ROOT) + ", the phone runs "
                    + runningProtocol.toUpperCase(java.util.Locale.ROOT));
        }
        return img;
    }

    private static void sameModel(PhoneModel model, FirmwareImage img, String what) throws Rejected {
        if (!img.model().equalsIgnoreCase(model.name())) {
            throw new Rejected(what + " for " + img.model() + ", this phone is an " + model.name());
        }
    }

    /** The name must be recognised ({@code nameLoad} present, or a DSP) and say what the header says. */
    private static void named(Optional<Load> nameLoad, FirmwareImage img, String file, String what) throws Rejected {
        if (img.kind() != ImageKind.DSP && nameLoad.isEmpty()) {
            throw new Rejected("unknown " + what + " " + file);
        }
        if (!img.name().equals(file) || !nameLoad.equals(img.load())) {
            throw new Rejected(file + " does not hold what its name says (its header names " + img.name() + ")");
        }
    }
}
