package org.st20xx.matrix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the matrix knows of one phone model. Models driven over a console (ST20xx) have DSPs,
 * patterns and a playbook; models that provision themselves over TFTP (Cisco 7940/7960) have
 * {@code images} (how each range's image is named and fetched) and {@code boot} (what a phone of
 * each protocol asks for when it boots), and no DSP state.
 *
 * @param deviceType the vendor's device type number, where provisioning files name models by it
 *                   (Cisco XMLDefault.cnf.xml: {@code loadInformation7} is the 7960's load)
 */
public record PhoneModel(String name, String vendor, String family, List<String> protocols, int rebootsPerHop,
        List<FilePattern> applicationPatterns, List<FilePattern> configPatterns, List<FilePattern> dspPatterns,
        Map<String, Dsp> dsps, List<Compatibility> compatibility, List<Release> releases, List<Rule> rules,
        List<ImageFormat> images, Map<String, BootProfile> boot, Optional<String> deviceType) {
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
        images = List.copyOf(images);
        boot = Collections.unmodifiableMap(new LinkedHashMap<>(boot));
        Objects.requireNonNull(deviceType, "deviceType");
    }

    /** A model without image formats or boot profiles (console-driven, e.g. ST20xx). */
    public PhoneModel(String name, String vendor, String family, List<String> protocols, int rebootsPerHop,
            List<FilePattern> applicationPatterns, List<FilePattern> configPatterns, List<FilePattern> dspPatterns,
            Map<String, Dsp> dsps, List<Compatibility> compatibility, List<Release> releases, List<Rule> rules) {
        this(name, vendor, family, protocols, rebootsPerHop, applicationPatterns, configPatterns, dspPatterns, dsps,
                compatibility, releases, rules, List.of(), Map.of(), Optional.empty());
    }

    /** True when this model has separate DSP images (ST20xx); Cisco images carry their own. */
    public boolean hasDsp() {
        return !dsps.isEmpty();
    }

    /** True when the phone provisions itself from files on a TFTP server (Cisco): see {@link #boot()}. */
    public boolean provisionedOverTftp() {
        return !boot.isEmpty();
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

    /**
     * The load an application file stands for: by the matrix's application patterns, else (for
     * models with image formats) when the file is the primary file of an image ({@code P0S30203.bin}).
     */
    public Optional<Load> applicationLoad(String fileName) {
        return applicationLoad(applicationPatterns, images, fileName);
    }

    public Optional<Load> configLoad(String fileName) {
        return loadOf(configPatterns, fileName);
    }

    public boolean looksLikeDsp(String fileName) {
        return matchesAny(dspPatterns, fileName);
    }

    /** {@link #applicationLoad(String)} from the parts, for the loader before the model exists. */
    static Optional<Load> applicationLoad(List<FilePattern> patterns, List<ImageFormat> images, String fileName) {
        return loadOf(patterns, fileName).or(() -> images.stream()
                .flatMap(f -> f.imageOfPrimary(fileName).flatMap(f::loadOf).stream()).findFirst());
    }

    /** The load the first of {@code patterns} that reads {@code fileName} gives. */
    static Optional<Load> loadOf(List<FilePattern> patterns, String fileName) {
        return patterns.stream().map(p -> p.loadOf(fileName)).flatMap(Optional::stream).findFirst();
    }

    static boolean matchesAny(List<FilePattern> patterns, String fileName) {
        return patterns.stream().anyMatch(p -> p.matches(fileName));
    }

    public Optional<Release> release(Load load) {
        return releases.stream().filter(r -> r.load().equals(load)).findFirst();
    }

    /**
     * The release {@code asked} names: exactly, else the only release of its protocol whose version
     * starts with it ({@code sccp:5.0} is SCCP 5.0.1.1 when the matrix knows no other 5.0.x).
     */
    public Optional<Release> releaseNamed(Load asked) {
        Optional<Release> exact = release(asked);
        if (exact.isPresent()) {
            return exact;
        }
        List<Release> prefixed = releases.stream().filter(r -> r.load().protocol().equals(asked.protocol())
                && r.load().version().startsWith(asked.version())).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /** The image format of {@code load} (empty for models without images, or a load no format covers). */
    public Optional<ImageFormat> imageFormat(Load load) {
        return images.stream().filter(f -> f.covers(load)).findFirst();
    }

    /** The load an image name ({@code P0S3-07-4-00}, no extension) stands for, by the image formats. */
    public Optional<Load> imageLoad(String imageName) {
        return images.stream().map(f -> f.loadOf(imageName)).flatMap(Optional::stream).findFirst();
    }

    /**
     * The image a provisioning file's name stands for: the name itself when it is an image name,
     * else the image whose universal application loader it names (OS79XX.TXT of SIP 7.x+).
     */
    public Optional<String> imageNamed(String name) {
        if (imageLoad(name).isPresent()) {
            return Optional.of(name);
        }
        return images.stream().map(f -> f.imageOfLoader(name)).flatMap(Optional::stream).findFirst();
    }

    /** What a phone running {@code protocol} asks for at boot (empty for console-driven models). */
    public Optional<BootProfile> bootProfile(String protocol) {
        return Optional.ofNullable(boot.get(protocol));
    }

    /**
     * Whether a phone running {@code running} cannot ask for {@code file}: that load takes only 8.3
     * names (the boot profile's {@code short_names}) and this one is longer.
     */
    public boolean nameTooLongFor(Load running, String file) {
        boolean shortOnly = bootProfile(running.protocol()).map(b -> b.shortNamesOnly(running.version())).orElse(false);
        int dot = file.lastIndexOf('.');
        String base = dot < 0 ? file : file.substring(0, dot);
        return shortOnly && (base.length() > 8 || (dot >= 0 && file.length() - dot - 1 > 3));
    }
}
