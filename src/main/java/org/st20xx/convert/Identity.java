package org.st20xx.convert;

import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Load;

/**
 * What a phone says it runs, as read by the playbook's {@code identify} command.
 *
 * @param configState the configuration's health as printed (e.g. "ok"), empty when not printed
 * @param configOk    whether {@code configState} is healthy by the playbook's {@code config_ok}
 */
public record Identity(String model, Load load, String dsp, Optional<String> app, Optional<String> config,
        Optional<String> configState, boolean configOk) {
    public Identity {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(dsp, "dsp");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(configState, "configState");
    }

    @Override
    public String toString() {
        return model + " " + load + " (DSP " + dsp + config.map(c -> ", config " + c).orElse("")
                + (configOk ? "" : ", configuration " + configState.orElse("broken")) + ")";
    }
}
