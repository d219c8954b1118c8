package org.st20xx.matrix;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Everything the matrix knows of one phone model. */
public record PhoneModel(String name, String vendor, String family, List<String> protocols, int rebootsPerHop,
        List<FilePattern> applicationPatterns, List<FilePattern> configPatterns, List<FilePattern> dspPatterns,
        Map<String, Dsp> dsps, List<Compatibility> compatibility, List<Release> releases, List<Rule> rules) {
    public PhoneModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(family, "family");
        protocols = List.copyOf(protocols);
        applicationPatterns = List.copyOf(applicationPatterns);
        configPatterns = List.copyOf(configPatterns);
        dspPatterns = List.copyOf(dspPatterns);
        dsps = Map.copyOf(dsps);
        compatibility = List.copyOf(compatibility);
        releases = List.copyOf(releases);
        rules = List.copyOf(rules);
    }

    /** True when this model has separate DSP images (ST20xx); Cisco images carry their own. */
    public boolean hasDsp() {
        return !dsps.isEmpty();
    }

    /** The compatibility entry covering {@code load}; empty means the load is unknown to the matrix. */
    public Optional<Compatibility> compatibilityOf(Load load) {
        return compatibility.stream().filter(c -> c.covers(load)).findFirst();
    }

    public boolean knows(Load load) {
        return compatibilityOf(load).isPresent();
    }

    /** True when an application of {@code load} may boot with the DSP {@code dspId}. */
    public boolean compatible(Load load, String dspId) {
        return compatibilityOf(load).map(c -> c.dsps().contains(dspId)).orElse(false);
    }

    /** Accepted DSPs of {@code load}, preferred first (empty when the load is unknown). */
    public List<Dsp> acceptedDsps(Load load) {
        return compatibilityOf(load).map(c -> c.dsps().stream().map(dsps::get).toList()).orElse(List.of());
    }

    public Optional<Dsp> dspByFile(String file) {
        return dsps.values().stream().filter(d -> d.file().equals(file)).findFirst();
    }

    public Optional<Dsp> dsp(String id) {
        return Optional.ofNullable(dsps.get(id));
    }

    /** The first rule that forbids a reboot from {@code a} straight onto {@code b}. */
    public Optional<Rule> forbiddingRule(Load a, Load b) {
        return rules.stream().filter(r -> r.forbids(a, b)).findFirst();
    }

    /** The load an application file stands for, by the matrix's patterns. */
    public Optional<Load> applicationLoad(String fileName) {
        return applicationPatterns.stream().map(p -> p.loadOf(fileName)).flatMap(Optional::stream).findFirst();
    }

    public Optional<Load> configLoad(String fileName) {
        return configPatterns.stream().map(p -> p.loadOf(fileName)).flatMap(Optional::stream).findFirst();
    }

    public boolean looksLikeDsp(String fileName) {
        return dspPatterns.stream().anyMatch(p -> p.matches(fileName));
    }

    public Optional<Release> release(Load load) {
        return releases.stream().filter(r -> r.load().equals(load)).findFirst();
    }
}
