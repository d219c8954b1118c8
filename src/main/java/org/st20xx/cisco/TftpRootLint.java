package org.st20xx.cisco;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.st20xx.St20xxException;
import org.st20xx.matrix.BootFileKind;
import org.st20xx.matrix.BootProfile;
import org.st20xx.matrix.BootRequest;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Rule;
import org.st20xx.report.ResultJson;

/**
 * Checks a TFTP root the way seed 001's "Common Issues and Troubleshooting Tips" would: file names
 * in the wrong letter case, OS79XX.TXT with blanks, a CR, an extension or more than the name, a
 * named image whose files are missing or empty, files naming different images, a SIPDefault.cnf
 * too large for SIP 2.x ("W210"), names longer than 8.3 for SIP 2.1 and earlier, and (given the
 * phone's load) an image the matrix's rules forbid from it. Each problem names the file and line.
 * Values are never echoed from lines other than the image's (passwords stay unprinted).
 */
public final class TftpRootLint {

    /** {@code FILE:LINE: message (hint)} */
    public record Problem(String file, int line, String message, String hint) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
        }
    }

    /** What to check: the models (all TFTP-provisioned ones when empty), one phone, its current load. */
    public record Scope(Optional<PhoneModel> model, Optional<MacAddress> mac, Optional<Load> from) {
    }

    /** A file that names an image, where, and what it names (as written); {@code perPhone}: one phone's own file. */
    private record Reference(String file, int line, BootFileKind kind, boolean perPhone, String name) {
        String at() {
            return file + ":" + line;
        }
    }

    private final Path root;
    /** Every file of the root by name, with its size; only boot files are read, when first needed. */
    private final Map<String, Long> files = new TreeMap<>();
    private final Map<String, String> texts = new TreeMap<>();
    /** By file, line and message: checked for the 7940 and the 7960, a problem is listed once. */
    private final Map<String, Problem> problems = new LinkedHashMap<>();

    private TftpRootLint(Path root) {
        this.root = root;
    }

    public static List<Problem> check(Path root, Matrix matrix, Scope scope) {
        if (!Files.isDirectory(root)) {
            throw St20xxException.usage("--tftp-root " + root + ": not a directory");
        }
        TftpRootLint lint = new TftpRootLint(root);
        lint.load();
        List<PhoneModel> models = scope.model().map(List::of).orElseGet(() -> matrix.models().values().stream()
                .filter(PhoneModel::provisionedOverTftp).toList());
        for (PhoneModel m : models) {
            if (!m.provisionedOverTftp()) {
                throw St20xxException.usage("lint checks the TFTP files of phones that load their firmware from them;"
                        + " " + m.name() + " is converted over its console");
            }
            scope.from().ifPresent(f -> {
                if (!m.protocols().contains(f.protocol())) {
                    throw St20xxException.usage("--from " + f + ": " + m.name() + " runs " + m.protocols());
                }
            });
            lint.checkModel(m, scope);
        }
        List<Problem> out = new ArrayList<>(lint.problems.values());
        out.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return out;
    }

    private void load() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(p)) {
                    // opened as Files.readAllBytes opens it, so a file it could not open is refused the same way
                    try (SeekableByteChannel ch = Files.newByteChannel(p)) {
                        files.put(name, ch.size());
                    }
                }
            }
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private St20xxException cannotRead(IOException e) {
        return St20xxException.usage("--tftp-root " + root + ": cannot read: " + e.getMessage());
    }

    private void problem(String file, int line, String message, String hint) {
        problems.putIfAbsent(file + ":" + line + ": " + message, new Problem(file, Math.max(1, line), message, hint));
    }

    private String text(String name) {
        return texts.computeIfAbsent(name, n -> {
            try {
                return new String(Files.readAllBytes(root.resolve(n)), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw cannotRead(e);
            }
        });
    }

    private void checkModel(PhoneModel model, Scope scope) {
        checkLetterCase(model);
        List<Reference> refs = new ArrayList<>();
        for (BootProfile profile : model.boot().values()) {
            for (BootRequest r : profile.requests()) {
                if (r.kind().namesImage()) {
                    for (String name : namesFor(r, scope.mac())) {
                        read(model, r, name).ifPresent(refs::add);
                    }
                }
            }
        }
        Optional<String> first = refs.isEmpty() ? firstBootFile(model) : Optional.empty();
        if (first.isPresent()) {
            problem(first.get(), 1, "no file names an image: a phone with no image in flash shows \"No Load Specified\"",
                    "name the image in OS79XX.TXT and the configuration files (st20xx provision writes them)");
        }
        Map<Reference, Load> loads = new LinkedHashMap<>();
        for (Reference ref : refs) {
            resolve(model, ref, scope.from()).ifPresent(l -> loads.put(ref, l));
        }
        checkAgreement(loads);
        checkSipDefaultSize(model, loads, scope.from());
    }

    /** Files a phone asks for, in another letter case than it asks (TFTP names are case sensitive). */
    private void checkLetterCase(PhoneModel model) {
        for (BootProfile profile : model.boot().values()) {
            for (BootRequest r : profile.requests()) {
                Pattern loose = r.names(true);
                for (String name : files.keySet()) {
                    Matcher m = loose.matcher(name);
                    if (m.matches()) {
                        String wanted = r.perPhone() ? r.fileName(m.group(1).toUpperCase(Locale.ROOT)) : r.file();
                        if (!wanted.equals(name)) {
                            problem(name, 1, "wrong letter case: the phone asks for " + wanted, "rename it to " + wanted
                                    + "; TFTP names are case sensitive"
                                    + (r.perPhone() ? " (MAC in capitals, the extension as shown)" : ""));
                        }
                    }
                }
            }
        }
    }

    private List<String> namesFor(BootRequest r, Optional<MacAddress> mac) {
        if (!r.perPhone()) {
            return files.containsKey(r.file()) ? List.of(r.file()) : List.of();
        }
        if (mac.isPresent()) {
            String name = r.fileName(mac.get().hex());
            return files.containsKey(name) ? List.of(name) : List.of();
        }
        Pattern p = r.names(false);
        return files.keySet().stream().filter(n -> p.matcher(n).matches()).toList();
    }

    /** The first file (by name) that a request naming an image takes, if any. */
    private Optional<String> firstBootFile(PhoneModel model) {
        List<Pattern> names = model.boot().values().stream().flatMap(b -> b.requests().stream())
                .filter(r -> r.kind().namesImage()).map(r -> r.names(false)).toList();
        return files.keySet().stream().filter(n -> names.stream().anyMatch(p -> p.matcher(n).matches())).findFirst();
    }

    /** Parses one file; reports what its reader finds; returns the image it names. */
    private Optional<Reference> read(PhoneModel model, BootRequest r, String name) {
        String text = text(name);
        switch (r.kind()) {
            case OS79XX: {
                Os79xxFile.Content c = Os79xxFile.parse(text);
                c.issues().forEach(i -> problem(name, i.line(), i.message(), i.hint()));
                return c.image().map(img -> new Reference(name, 1, r.kind(), r.perPhone(), img));
            }
            case SIP_CNF: {
                SipConfigFile.Content c = SipConfigFile.parse(text);
                c.issues().forEach(i -> problem(name, i.line(), i.message(), i.hint()));
                Optional<SipConfigFile.Entry> e = c.imageVersion();
                e.filter(x -> x.lineEnd().startsWith("\r")).ifPresent(x -> problem(name, x.line(), "the "
                        + SipConfigFile.IMAGE_KEY + " line ends with a carriage return (CRLF)", "save it with Unix"
                        + " line ends (LF only)"));
                if (e.isPresent() && e.get().value().isEmpty()) {
                    problem(name, e.get().line(), SipConfigFile.IMAGE_KEY + " is empty", "name the image, e.g. "
                            + SipConfigFile.IMAGE_KEY + ": P0S3-07-4-00");
                    return Optional.empty();
                }
                return e.map(x -> new Reference(name, x.line(), r.kind(), r.perPhone(), x.value()));
            }
            case SCCP_XML: {
                SccpConfigFile.Content c = SccpConfigFile.parse(text);
                c.issues().forEach(i -> problem(name, i.line(), i.message(), i.hint()));
                String element = r.element(model.deviceType().orElse(""));
                return c.load(element).filter(l -> !l.value().isEmpty())
                        .map(l -> new Reference(name, l.line(), r.kind(), r.perPhone(), l.value()));
            }
            default:
                return Optional.empty();
        }
    }

    /** The load a reference names, reporting a bad name, missing or empty files and forbidden loads. */
    private Optional<Load> resolve(PhoneModel model, Reference ref, Optional<Load> from) {
        Matcher ext = Os79xxFile.WITH_EXTENSION.matcher(ref.name());
        if (ext.matches()) {
            problem(ref.file(), ref.line(), "names " + ref.name() + " with its extension: the phone adds the extension"
                    + " itself (\"Protocol Application Invalid\")", "write " + ext.group(1));
        }
        String name = ext.matches() ? ext.group(1) : ref.name();
        if (name.startsWith("PO")) {
            problem(ref.file(), ref.line(), "names " + name + ", which begins with the letter O: image names begin"
                    + " with P0 (zero)", "write " + "P0" + name.substring(2));
            return Optional.empty();
        }
        Optional<String> image = model.imageLoad(name).isPresent() ? Optional.of(name)
                : ref.kind() == BootFileKind.OS79XX ? imageOfLoader(model, name) : Optional.empty();
        if (image.isEmpty()) {
            boolean anyFile = files.keySet().stream().anyMatch(n -> n.startsWith(name + "."));
            problem(ref.file(), ref.line(), "names " + name + ", which is not an image name st20xx knows"
                    + (anyFile ? "" : " and no " + name + ".* is in the TFTP root"), "image names are " + formats(model));
            return Optional.empty();
        }
        Load l = model.imageLoad(image.get()).orElseThrow();
        if (!model.knows(l)) {
            problem(ref.file(), ref.line(), "names " + name + " (" + l + "), a load the firmware matrix does not know",
                    "add it to firmware-matrix.yaml before using it");
            return Optional.empty();
        }
        ImageFormat f = model.imageFormat(l).orElseThrow();
        if (ref.kind() == BootFileKind.OS79XX && f.loader().isPresent() && !f.loaderOf(image.get()).equals(name)) {
            problem(ref.file(), ref.line(), "names " + name + ", the " + l + " application: a phone reading OS79XX.TXT"
                    + " asks for " + name + ".bin, which the release does not have", "write the universal application"
                    + " loader " + f.loaderOf(image.get()) + " (seed 001: OS79XX.TXT always contains the loader image)");
        }
        checkImageFiles(ref, f, image.get(), name.equals(image.get()) ? name
                : name + " (the loader of " + image.get() + ")", from);
        from.ifPresent(current -> checkFrom(model, ref, name, l, f, image.get(), current));
        return Optional.of(l);
    }

    /** The image (present in the root by its primary file) whose universal loader is called {@code name}. */
    private Optional<String> imageOfLoader(PhoneModel model, String name) {
        for (String file : files.keySet()) {
            for (ImageFormat f : model.images()) {
                Optional<String> img = f.imageOfPrimary(file);
                if (img.isPresent() && f.loader().isPresent() && f.loaderOf(img.get()).equals(name)) {
                    return img;
                }
            }
        }
        return Optional.empty();
    }

    private static String formats(PhoneModel model) {
        List<String> out = new ArrayList<>();
        for (ImageFormat f : model.images()) {
            out.add(f.protocol().toUpperCase(Locale.ROOT) + " " + f.versions() + " like " + f.example());
        }
        return String.join(", ", out);
    }

    private void checkImageFiles(Reference ref, ImageFormat f, String image, String named, Optional<Load> from) {
        List<List<String>> needs = new ArrayList<>();
        if (from.isPresent()) {
            f.files(image, from.get()).forEach(n -> needs.add(List.of(n)));
        } else {
            List<String> alternatives = new ArrayList<>();
            for (ImageFormat.Fetch item : f.fetch()) {
                String n = item.file(image, f.loaderOf(image));
                if (item.from().isEmpty()) {
                    needs.add(List.of(n));
                } else {
                    alternatives.add(n);
                }
            }
            if (!alternatives.isEmpty()) {
                needs.add(alternatives);
            }
        }
        for (List<String> need : needs) {
            if (need.stream().noneMatch(files::containsKey)) {
                String wanted = String.join(" or ", need);
                Optional<String> other = files.keySet().stream()
                        .filter(n -> need.stream().anyMatch(x -> x.equalsIgnoreCase(n))).findFirst();
                problem(ref.file(), ref.line(), "names " + named + " but " + wanted + " is not in the TFTP root",
                        other.map(o -> o + " is there: TFTP names are case sensitive")
                                .orElse("unzip the whole release into the TFTP root (\"Protocol Application Invalid\")"));
            }
            need.stream().filter(n -> files.containsKey(n) && files.get(n) == 0).forEach(n -> problem(ref.file(),
                    ref.line(), "names " + named + " but " + n + " is empty (0 bytes): the phone rejects it",
                    "copy the file again from the release (\"Image Authentication Failed\")"));
        }
    }

    private void checkFrom(PhoneModel model, Reference ref, String name, Load named, ImageFormat f, String image,
            Load current) {
        if (named.equals(current)) {
            return;
        }
        Optional<Rule> rule = model.forbiddingRule(current, named);
        if (rule.isPresent()) {
            problem(ref.file(), ref.line(), "names " + named + ", which a phone on " + current + " must not boot: rule "
                    + rule.get().name() + ": " + rule.get().reason(), "st20xx plan --model " + model.name() + " --from "
                    + ResultJson.load(current) + " --target " + ResultJson.load(named) + " shows the safe hops");
            return;
        }
        for (String file : f.files(image, current)) {
            if (model.nameTooLongFor(current, file)) {
                problem(ref.file(), ref.line(), "names " + name + ", but " + current + " takes only 8.3 file names"
                        + " and " + file + " is longer", "upgrade the phone to SIP 2.2 or 2.3 first (seed 001 'SIP"
                        + " Phone not Accepting SCCP Load')");
                return;
            }
        }
    }

    /** Every file a phone reads must name the same image (OS79XX.TXT may name the image's loader). */
    private void checkAgreement(Map<Reference, Load> loads) {
        if (loads.size() < 2) {
            return;
        }
        Reference first = loads.keySet().stream().filter(r -> !r.perPhone()).findFirst()
                .orElse(loads.keySet().iterator().next());
        Load expected = loads.get(first);
        for (Map.Entry<Reference, Load> e : loads.entrySet()) {
            if (!e.getValue().equals(expected)) {
                Reference r = e.getKey();
                problem(r.file(), r.line(), "names " + r.name() + " (" + e.getValue() + ") but " + first.at() + " names "
                        + first.name() + " (" + expected + "): the phone may flash one, then the other",
                        "make every file name the same image; st20xx provision writes them all");
            }
        }
    }

    /** SIP 2.x phones fail on a SIPDefault.cnf holding more than image_version (seed 001 "W210"). */
    private void checkSipDefaultSize(PhoneModel model, Map<Reference, Load> loads, Optional<Load> from) {
        Optional<BootProfile> sip = model.boot().values().stream()
                .filter(b -> b.requests().stream().anyMatch(r -> r.imageOnly().isPresent())).findFirst();
        if (sip.isEmpty()) {
            return;
        }
        for (BootRequest r : sip.get().requests()) {
            if (r.imageOnly().isEmpty() || r.perPhone() || !files.containsKey(r.file())
                    || r.kind() != BootFileKind.SIP_CNF) {
                continue;
            }
            List<Load> readers = new ArrayList<>();
            from.ifPresent(readers::add);
            readers.addAll(loads.values());
            Optional<Load> small = readers.stream().filter(l -> l.protocol().equals(sip.get().protocol())
                    && r.imageOnlyFor(l.version())).findFirst();
            if (small.isEmpty()) {
                continue;
            }
            SipConfigFile.Content c = SipConfigFile.parse(text(r.file()));
            c.entries().stream().filter(e -> !e.key().equals(SipConfigFile.IMAGE_KEY)).findFirst().ifPresent(e ->
                    problem(r.file(), e.line(), "holds more than " + SipConfigFile.IMAGE_KEY + " (here '" + e.key()
                            + "'): " + small.get() + " fails to fetch a larger " + r.file()
                            + " (\"W210 TFTP Error: buffer full\")", "keep only the " + SipConfigFile.IMAGE_KEY
                            + " line until the phone runs SIP 3.0 or later"));
        }
    }
}
