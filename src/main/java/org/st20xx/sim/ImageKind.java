package org.st20xx.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a firmware file holds, as its header says: an application, a DSP image or a TelConf. */
public enum ImageKind {
    APPLICATION, DSP, CONFIG;

    /** The word in the header: {@code application}, {@code dsp}, {@code config}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImageKind> ofWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }
}
