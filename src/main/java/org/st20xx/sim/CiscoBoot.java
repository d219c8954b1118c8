package org.st20xx.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.st20xx.cisco.Os79xxFile;
import org.st20xx.cisco.SccpConfigFile;
import org.st20xx.cisco.SipConfigFile;
import org.st20xx.matrix.BootFileKind;
import org.st20xx.matrix.BootProfile;
import org.st20xx.matrix.BootRequest;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Rule;
import org.st20xx.sim.FirmwareImage.Rejected;

/**
 * What one boot of a simulated Cisco 7940/7960 does, from the matrix's {@code boot} and
 * {@code images} data and the files its TFTP server gives (docs/cisco.md, "The simulated boot"):
 * it asks for the files of the protocol it runs, in order, reading each with st20xx's strict
 * readers; after the request the matrix names as the decision point it compares the image the files
 * name (the last file naming one wins: SIP&lt;MAC&gt;.cnf over SIPDefault.cnf over OS79XX.TXT) with
 * the image in flash. The same image: it goes on. Another one: it fetches the image's files, checks
 * each, and then writes them to flash and reboots onto them ({@link Install}), unless a matrix rule
 * forbids that reboot (then it does what the rule's {@code fails_as} says). Anything wrong leaves the
 * phone on its own image with the error of seed 001 on its screen ({@link Stay}).
 *
 * <p>Pure logic over a {@link Fetcher}: no threads, no clock.
 */
final class CiscoBoot {
    static final String UNPROVISIONED = "Unprovisioned";
    static final String PROTOCOL_APPLICATION_INVALID = "Protocol Application Invalid";
    static final String IMAGE_AUTHENTICATION_FAILED = "Image Authentication Failed";
    static final String NO_LOAD_SPECIFIED = "No Load Specified";
    static final String BUFFER_FULL = "W210 TFTP Error : buffer full";
    /** Times a phone asks again for an image file whose transfers fail with a State Error (seed 001's log: 3). */
    static final int STATE_ERROR_TRIES = 3;

    /** The phone's TFTP client. */
    interface Fetcher {
        /**
         * Asks the TFTP server for {@code file}; with {@code abort}, gives the transfer up at its
         * first data block (a TFTP error packet to the server).
         */
        Fetched fetch(String file, boolean abort);
    }

    /** A transfer's result: the whole file, or not ({@code notFound}: the server said so). */
    record Fetched(byte[] data, boolean notFound) {
        boolean ok() {
            return data != null;
        }
    }

    /** How a boot ends. */
    sealed interface Outcome permits Stay, Install {
    }

    /**
     * The phone keeps the image it runs; {@code display} is the error on its screen (empty when the
     * boot went well), {@code config} the configuration file it read.
     */
    record Stay(Optional<String> display, Optional<String> config) implements Outcome {
    }

    /** The phone writes {@code image} to flash and reboots onto it; {@code brick}: why that reboot bricks it. */
    record Install(String image, Load load, Optional<String> brick) implements Outcome {
    }

    /** An image name as a file gives it; {@code garbled}: the file is not as the phone needs it. */
    private record Named(String text, BootFileKind kind, boolean garbled) {
    }

    private final PhoneModel model;
    private final String mac;
    private final Load running;
    private final Optional<String> flashImage;
    private final Predicate<String> imageModel;
    private final Fetcher fetcher;
    private Named named;
    private boolean os79xxGarbled;
    private String config;

    private CiscoBoot(PhoneModel model, String mac, Load running, Optional<String> flashImage,
            Predicate<String> imageModel, Fetcher fetcher) {
        this.model = model;
        this.mac = mac;
        this.running = running;
        this.flashImage = flashImage;
        this.imageModel = imageModel;
        this.fetcher = fetcher;
    }

    /**
     * One boot of a phone with MAC {@code mac} (12 capital hex digits) running {@code running}
     * (with {@code flashImage} in flash, or nothing: its loader runs and asks for the files of that
     * load); {@code imageModel} says which model names in an image's header the phone takes.
     */
    static Outcome run(PhoneModel model, String mac, Load running, Optional<String> flashImage,
            Predicate<String> imageModel, Fetcher fetcher) {
        return new CiscoBoot(model, mac, running, flashImage, imageModel, fetcher).boot();
    }

    private Outcome boot() {
        BootProfile profile = model.bootProfile(running.protocol()).orElseThrow(() -> new IllegalStateException(
                model.name() + " has no boot profile for " + running.protocol()));
        Optional<BootRequest> decision = profile.decisionPoint(running.version());
        boolean hasFallback = decision.isPresent() && profile.requests().stream()
                .anyMatch(r -> r.ifMissing().map(m -> m.equals(decision.get().file())).orElse(false));
        Set<String> found = new HashSet<>();
        boolean decided = false;
        for (BootRequest r : profile.requests()) {
            if (r.ifMissing().isPresent() && found.contains(r.ifMissing().get().replace(BootRequest.MAC, mac))) {
                continue;
            }
            String name = r.fileName(mac);
            Fetched got = fetcher.fetch(name, false);
            if (got.ok()) {
                found.add(name);
                Optional<Stay> failed = read(r, name, new String(got.data(), StandardCharsets.ISO_8859_1));
                if (failed.isPresent()) {
                    return failed.get();
                }
            }
            boolean decidesHere = !decided && decision.isPresent() && (r.equals(decision.get()) ? got.ok() || !hasFallback
                    : r.ifMissing().map(m -> m.equals(decision.get().file())).orElse(false));
            if (decidesHere) {
                decided = true;
                Optional<Outcome> acted = decide();
                if (acted.isPresent()) {
                    return acted.get();
                }
            }
        }
        if (!decided) {
            Optional<Outcome> acted = decide();
            if (acted.isPresent()) {
                return acted.get();
            }
        }
        return stay(null);
    }

    /** Reads one file the phone asked for; a failure that ends the boot at once (W210). */
    private Optional<Stay> read(BootRequest r, String name, String text) {
        switch (r.kind()) {
            case OS79XX -> {
                Os79xxFile.Content c = Os79xxFile.parse(text);
                if (!c.issues().isEmpty()) {
                    os79xxGarbled = true;
                }
                if (c.image().isPresent()) {
                    String firstLine = text.split("\n", -1)[0];
                    named = c.issues().isEmpty() ? new Named(c.image().get(), r.kind(), false)
                            : new Named(firstLine, r.kind(), true);
                }
            }
            case SIP_CNF -> {
                SipConfigFile.Content c = SipConfigFile.parse(text);
                boolean onlyImage = c.issues().isEmpty()
                        && c.entries().stream().allMatch(e -> e.key().equals(SipConfigFile.IMAGE_KEY));
                if (r.imageOnlyFor(running.version()) && !onlyImage) {
                    return Optional.of(stay(BUFFER_FULL));
                }
                config = name;
                c.imageVersion().filter(e -> !e.value().isEmpty()).ifPresent(e -> named = e.lineEnd().startsWith("\r")
                        ? new Named(e.value() + "\r", r.kind(), true) : new Named(e.value(), r.kind(), false));
            }
            case SCCP_XML -> {
                SccpConfigFile.Content c = SccpConfigFile.parse(text);
                if (c.loads().isEmpty() && !c.issues().isEmpty()) {
                    return Optional.empty();
                }
                config = name;
                c.load(r.element(model.deviceType().orElse(""))).filter(l -> !l.value().isEmpty()).ifPresent(l ->
                        named = new Named(l.value(), r.kind(), c.issues().stream().anyMatch(i -> i.line() == l.line())));
            }
            case OTHER -> {
                // ring lists, tones: nothing to read for the image
            }
        }
        return Optional.empty();
    }

    /** At the decision point: empty to go on with the boot, else how it ends. */
    private Optional<Outcome> decide() {
        if (named == null) {
            if (flashImage.isEmpty()) {
                return Optional.of(stay(NO_LOAD_SPECIFIED));
            }
            return os79xxGarbled ? Optional.of(stay(UNPROVISIONED)) : Optional.empty();
        }
        String wrong = named.kind() == BootFileKind.OS79XX ? UNPROVISIONED : PROTOCOL_APPLICATION_INVALID;
        Optional<String> image = named.garbled() ? Optional.empty() : model.imageNamed(named.text());
        if (image.isEmpty()) {
            // a phone asks for what it was given, with the .bin a load name lacks (CSCdv19260)
            fetcher.fetch(named.text() + ".bin", false);
            Matcher ext = Os79xxFile.WITH_EXTENSION.matcher(named.text());
            return Optional.of(stay(ext.matches() && !named.garbled() ? PROTOCOL_APPLICATION_INVALID : wrong));
        }
        if (image.equals(flashImage)) {
            return Optional.empty();
        }
        Load load = model.imageLoad(image.get()).orElseThrow();
        ImageFormat format = model.imageFormat(load).orElseThrow();
        if (named.kind() == BootFileKind.OS79XX && !format.loaderOf(image.get()).equals(named.text())) {
            // OS79XX.TXT names the application of a universal-loader image: the phone asks for
            // NAME.bin, which only the loader has (C-11)
            fetcher.fetch(named.text() + ".bin", false);
            return Optional.of(stay(PROTOCOL_APPLICATION_INVALID));
        }
        List<String> files = format.files(image.get(), running);
        Optional<Rule> rule = model.forbiddingRule(running, load);
        Rule.Failure failure = rule.map(Rule::failure).orElse(null);
        if (failure != null && failure.kind() == Rule.Failure.Kind.STATE_ERROR) {
            for (int i = 0; i < STATE_ERROR_TRIES; i++) {
                if (fetcher.fetch(files.get(0), true).notFound()) {
                    return Optional.of(stay(PROTOCOL_APPLICATION_INVALID));
                }
            }
            return Optional.of(stay(failure.display().orElse(PROTOCOL_APPLICATION_INVALID)));
        }
        if (rule.isEmpty() && tooLongFor83(files)) {
            return Optional.of(stay(PROTOCOL_APPLICATION_INVALID));
        }
        for (String file : files) {
            Fetched got = fetcher.fetch(file, false);
            if (!got.ok()) {
                return Optional.of(stay(PROTOCOL_APPLICATION_INVALID));
            }
            if (!authentic(file, load, got.data())) {
                return Optional.of(stay(IMAGE_AUTHENTICATION_FAILED));
            }
        }
        if (failure != null && failure.kind() == Rule.Failure.Kind.REFUSED) {
            return Optional.of(stay(failure.display().orElse(PROTOCOL_APPLICATION_INVALID)));
        }
        return Optional.of(new Install(image.get(), load, rule.map(x -> "direct swap " + running + " -> " + load + ": "
                + x.reason() + " (rule " + x.name() + ")")));
    }

    /** A load that takes only 8.3 names (the matrix's {@code short_names}) cannot ask for a longer one. */
    private boolean tooLongFor83(List<String> files) {
        return files.stream().anyMatch(f -> model.nameTooLongFor(running, f));
    }

    /** The fixture header says this is {@code file}, of {@code load}, for a model whose images the phone takes. */
    private boolean authentic(String file, Load load, byte[] data) {
        try {
            FirmwareImage img = FirmwareImage.parse(data);
            return img.kind() == ImageKind.APPLICATION && imageModel.test(img.model()) && img.name().equals(file)
                    && img.load().filter(load::equals).isPresent();
        } catch (Rejected e) {
            return false;
        }
    }

    private Stay stay(String display) {
        return new Stay(Optional.ofNullable(display), Optional.ofNullable(config));
    }
}
