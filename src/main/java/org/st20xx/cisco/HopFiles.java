package org.st20xx.cisco;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.St20xxException;
import org.st20xx.matrix.BootFileKind;
import org.st20xx.matrix.BootProfile;
import org.st20xx.matrix.BootRequest;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;

/**
 * The files of one hop of a phone provisioned over TFTP, from the matrix alone (no I/O): every
 * file the phone reads an image name from, before the hop (running {@code from}, up to the request
 * after which it acts on the image) and after it (running {@code to}), each naming the hop's image;
 * and the image files it fetches in between. These are exactly the image-naming requests of the
 * hop's {@link BootSequence}.
 * Files only asked for when another is missing (XMLDefault.cnf.xml) are left out: st20xx writes the
 * phone's own file instead, so no other phone on the same TFTP root is converted by accident.
 *
 * @param mac   the MAC as file names spell it ({@link MacAddress#hex()}), or a placeholder such as
 *              {@code <MAC>} for a plan shown without a phone
 * @param image the image name of {@code to}, e.g. {@code P0S3-07-4-00} (or a placeholder such as
 *              {@code <SCCP 6.3>} when no file is known)
 */
public record HopFiles(PhoneModel model, String mac, Load from, Load to, String image, ImageFormat format,
        List<ProvisionFile> files, List<String> imageFiles) {

    /**
     * One provisioning file of the hop.
     *
     * @param names     the name it holds: the image, or for OS79XX.TXT of a universal image its loader
     * @param imageOnly a phone reading it fails unless it holds the image line alone (SIP 2.x, "W210")
     */
    public record ProvisionFile(String name, BootRequest request, String names, boolean imageOnly) {
        public ProvisionFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(names, "names");
        }

        /** True when every phone on the TFTP root reads it (no MAC in its name). */
        public boolean shared() {
            return !request.perPhone();
        }

        /** The element the image is named in (SCCP XML files). */
        public String element(PhoneModel model) {
            return request.element(model.deviceType().orElse(""));
        }

        /** What st20xx writes when the file is its own, or absent. */
        public String render() {
            return switch (request.kind()) {
                case OS79XX -> Os79xxFile.render(names);
                case SIP_CNF -> SipConfigFile.render(names);
                case SCCP_XML -> SccpConfigFile.render(names);
                case OTHER -> throw new IllegalStateException("st20xx writes no " + name);
            };
        }

        /**
         * What st20xx writes over someone else's file (only with --force): the image named in place,
         * everything else kept; the whole file when the phone needs the image line alone.
         */
        public String update(String existing, PhoneModel model) {
            return switch (request.kind()) {
                case SIP_CNF -> imageOnly ? render() : SipConfigFile.withImage(existing, names);
                case SCCP_XML -> SccpConfigFile.withImage(existing, element(model), names);
                default -> render();
            };
        }
    }

    public HopFiles {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        files = List.copyOf(files);
        imageFiles = List.copyOf(imageFiles);
    }

    /** The files of the hop {@code from -> to} onto {@code image} for the phone {@code mac}. */
    public static HopFiles of(PhoneModel model, String mac, Load from, Load to, String image) {
        ImageFormat format = formatOf(model, to);
        BootProfile before = profile(model, from);
        BootProfile after = profile(model, to);
        List<ProvisionFile> files = new ArrayList<>();
        Optional<BootRequest> decision = before.decisionPoint(from.version());
        for (BootRequest r : before.requests()) {
            add(files, model, r, mac, format, image, from, to);
            if (decision.map(r::equals).orElse(false)) {
                break;
            }
        }
        for (BootRequest r : after.requests()) {
            add(files, model, r, mac, format, image, from, to);
        }
        return new HopFiles(model, mac, from, to, image, format, files, format.files(image, from));
    }

    /** Adds the file of {@code r} when it names an image, is always asked for, and is not there yet. */
    private static void add(List<ProvisionFile> files, PhoneModel model, BootRequest r, String mac, ImageFormat format,
            String image, Load from, Load to) {
        String name = r.fileName(mac);
        if (!r.kind().namesImage() || !r.always() || files.stream().anyMatch(f -> f.name().equals(name))) {
            return;
        }
        String names = r.kind() == BootFileKind.OS79XX ? format.loaderOf(image) : image;
        files.add(new ProvisionFile(name, r, names, imageOnly(model, r, from) || imageOnly(model, r, to)));
    }

    /** True when a phone running {@code load} reads {@code r} and needs it to hold the image line alone. */
    private static boolean imageOnly(PhoneModel model, BootRequest r, Load load) {
        return model.bootProfile(load.protocol()).map(p -> p.requests().contains(r)).orElse(false)
                && r.imageOnlyFor(load.version());
    }

    public static ImageFormat formatOf(PhoneModel model, Load load) {
        return model.imageFormat(load).orElseThrow(() -> St20xxException.usage("firmware-matrix.yaml says nothing of"
                + " how " + model.name() + " " + load + " images are named ('images' has no range for it)"));
    }

    public static BootProfile profile(PhoneModel model, Load load) {
        return model.bootProfile(load.protocol()).orElseThrow(() -> St20xxException.usage(model.name()
                + " is not provisioned through TFTP files (the matrix gives it no 'boot' profile for "
                + load.protocol().toUpperCase(java.util.Locale.ROOT) + ")"));
    }

    public Optional<ProvisionFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return files.stream().map(ProvisionFile::name).toList();
    }
}
