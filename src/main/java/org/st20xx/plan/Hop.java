package org.st20xx.plan;

import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;

/**
 * One hop: from one load to the next, ending in {@code reboots} reboots that all land on
 * ({@code to}, {@code dsp}). File names are empty when the firmware directory lacks the file (or,
 * without a firmware directory, when no source names it).
 *
 * @param dspWrite whether the hop downloads a DSP; false when the phone's DSP is kept
 */
public record Hop(int number, Load from, Load to, Optional<Dsp> fromDsp, Optional<Dsp> dsp, boolean dspWrite,
        Optional<String> app, Optional<String> dspFile, Optional<String> config, int reboots) {
    public Hop {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fromDsp, "fromDsp");
        Objects.requireNonNull(dsp, "dsp");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(dspFile, "dspFile");
        Objects.requireNonNull(config, "config");
        if (number < 1 || reboots < 1) {
            throw new IllegalArgumentException("hop number and reboots start at 1");
        }
    }

    /**
     * Flash writes of this hop. On a model with separate DSP images (driven over its console): the
     * application twice, the configuration, and the DSP when written. On a model whose image
     * carries its own DSP (no DSP state): the one image the phone fetched.
     */
    public int flashWrites() {
        if (dsp.isEmpty()) {
            return 1;
        }
        return 3 + (dspWrite ? 1 : 0);
    }
}
