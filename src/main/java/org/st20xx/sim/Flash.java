package org.st20xx.sim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Rule;

/**
 * What is in a phone's flash: the application and DSP images, the stored TelConf, the protocol of
 * the configuration data, and how far the clean sequence has got since the last application
 * download. {@link #boot} decides what booting it gives. Not thread-safe: the
 * phone's lock guards it.
 */
final class Flash {
    /** A console command of the clean sequence (seed 000 s6 step 5). */
    enum CleanStep { REL0, FORMAT, COMMIT, NMM, OTHER }

    static final List<CleanStep> SEQUENCE = List.of(CleanStep.REL0, CleanStep.FORMAT, CleanStep.COMMIT,
            CleanStep.COMMIT, CleanStep.NMM);

    /** What a boot gives: the status the phone comes up in, and why when it is bricked. */
    record Boot(PhoneStatus status, Optional<String> reason) {
    }

    private String app;
    private Load appLoad;
    private Dsp dsp;
    private String config;
    private String configProtocol;
    private int cleanProgress;

    Flash(String app, Load appLoad, Dsp dsp, String config) {
        this.app = Objects.requireNonNull(app);
        this.appLoad = Objects.requireNonNull(appLoad);
        this.dsp = Objects.requireNonNull(dsp);
        this.config = config;
        this.configProtocol = appLoad.protocol();
    }

    String app() {
        return app;
    }

    Load appLoad() {
        return appLoad;
    }

    Dsp dsp() {
        return dsp;
    }

    /** The stored TelConf file, or null. */
    String config() {
        return config;
    }

    /** The protocol whose configuration data the phone keeps (null after a completed clean sequence). */
    String configProtocol() {
        return configProtocol;
    }

    /** A download writes the application at once and restarts the clean sequence. */
    void writeApplication(String file, Load load) {
        app = file;
        appLoad = load;
        cleanProgress = 0;
    }

    void writeDsp(Dsp d) {
        dsp = d;
    }

    void storeConfig(String file) {
        config = file;
    }

    /**
     * One command of the clean sequence. The sequence counts only in seed order; a step out of
     * order starts it again. {@code ffs format} erases the stored TelConf.
     */
    void clean(CleanStep step) {
        if (cleanProgress < SEQUENCE.size() && SEQUENCE.get(cleanProgress) == step) {
            cleanProgress++;
        } else {
            cleanProgress = step == SEQUENCE.get(0) ? 1 : 0;
        }
        if (step == CleanStep.FORMAT) {
            config = null;
        }
    }

    boolean cleaned() {
        return cleanProgress == SEQUENCE.size();
    }

    /**
     * Boots what is in flash after running {@code running}: bricked when the matrix does not know
     * the application's load, when the DSP does not go with it, or when a rule forbids rebooting
     * from {@code running} straight onto it; misconfigured when it changes protocol without the
     * clean sequence; else running. A completed clean sequence gives the new protocol a fresh
     * configuration.
     */
    Boot boot(PhoneModel model, Load running) {
        if (!model.knows(appLoad)) {
            return bricked(appLoad + " (" + app + ") is not a load the firmware matrix knows");
        }
        if (!model.compatible(appLoad, dsp.id())) {
            return bricked(appLoad + " does not run with DSP " + dsp);
        }
        Optional<Rule> rule = model.forbiddingRule(running, appLoad);
        if (rule.isPresent()) {
            return bricked("direct swap " + running + " -> " + appLoad + ": " + rule.get().reason() + " (rule "
                    + rule.get().name() + ")");
        }
        if (cleaned()) {
            configProtocol = appLoad.protocol();
        }
        cleanProgress = 0;
        return new Boot(appLoad.protocol().equals(configProtocol) ? PhoneStatus.RUNNING : PhoneStatus.MISCONFIGURED,
                Optional.empty());
    }

    private static Boot bricked(String reason) {
        return new Boot(PhoneStatus.BRICKED, Optional.of(reason));
    }
}
