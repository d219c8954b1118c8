package org.st20xx.cisco;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.st20xx.St20xxException;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;
import org.st20xx.plan.PlanRequest;
import org.st20xx.plan.Planner;
import org.st20xx.plan.Target;
import org.st20xx.report.ResultJson;

/**
 * Writes into a TFTP root exactly the files a phone asks for during the first hop of its safe
 * plan, each naming the hop's image, after checking everything first: every image file of every
 * hop is in the root (exact letter case), and no file st20xx did not write (by the manifest) is
 * overwritten without {@code force}, nor a file another phone shares changed under it. Nothing
 * is written when anything is refused. Files an earlier hop of this phone needed and this one does
 * not are removed (seed 001: "Remove any protocol configuration files that are not used").
 *
 * <p>Multi-hop: each run writes one hop. Once the phone runs the hop's load, the next run (with
 * {@code --from} that load) writes the next hop; {@link BootWatcher} does that on its own when the
 * TFTP log shows the phone booted the hop's image.
 */
public final class Provisioner {
    /** What to provision. */
    public record Request(Matrix matrix, PhoneModel model, MacAddress mac, Load from, Target target, Path root,
            boolean force) {
        /** {@code from} is read as the release it names: {@code sccp:5.0} is SCCP 5.0.1.1, as the phone shows it. */
        public Request {
            Objects.requireNonNull(matrix, "matrix");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(from, "from");
            from = model.releaseNamed(from).map(Release::load).orElse(from);
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(root, "root");
        }
    }

    /** What happened to one file. */
    public enum Action {
        /** Written by st20xx (new, or st20xx's own from before). */
        WROTE,
        /** Already held exactly this. */
        KEPT,
        /** Someone else's file (--force): the image named in it, the rest kept. */
        UPDATED,
        /** Someone else's file (--force): replaced whole. */
        REPLACED,
        /** st20xx's own file from an earlier hop that this hop does not need. */
        REMOVED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Change(String file, Action action) {
    }

    /** The outcome: the plan, its first hop's files (empty when nothing is to do), changes and notes. */
    public record Result(Plan plan, Optional<HopFiles> hop, Optional<BootSequence> sequence, List<Change> changes,
            List<String> notes) {
        public Result {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }
    }

    /** Held while a run reads and writes the root, so concurrent runs (the watcher's) take turns. */
    public static final String LOCK = ".st20xx-provision.lock";

    private Provisioner() {
    }

    /** Provisions under a lock on the root: one run at a time reads and writes its manifest. */
    public static Result provision(Request req) {
        PhoneModel model = req.model();
        if (!model.provisionedOverTftp()) {
            throw St20xxException.usage("provision is for phones that load their firmware from TFTP files ("
                    + req.matrix().models().values().stream().filter(PhoneModel::provisionedOverTftp)
                            .map(PhoneModel::name).toList()
                    + "); " + model.name() + " is converted over its console");
        }
        Path root = req.root();
        if (!Files.isDirectory(root)) {
            throw St20xxException.usage("--tftp-root " + root + ": not a directory");
        }
        synchronized (Provisioner.class) {
            try (FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    return provisionLocked(req);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw St20xxException.usage("--tftp-root " + root + ": cannot lock " + LOCK + ": " + e.getMessage());
            }
        }
    }

    private static Result provisionLocked(Request req) {
        PhoneModel model = req.model();
        Path root = req.root();
        FirmwareInventory inventory = FirmwareInventory.scan(root, req.matrix());
        Plan plan = new Planner().plan(new PlanRequest(model, req.from(), Optional.empty(), req.target(),
                Optional.of(inventory)));
        if (plan.hops().isEmpty()) {
            return new Result(plan, Optional.empty(), Optional.empty(), List.of(),
                    List.of("the phone already runs " + plan.from() + ": nothing to write"));
        }
        TreeSet<String> listing = list(root);
        checkImageFiles(model, plan, listing, root);

        Hop first = plan.hops().get(0);
        String image = imageOf(model, first).orElseThrow();
        HopFiles hop = HopFiles.of(model, req.mac().hex(), first.from(), first.to(), image);
        ProvisionManifest manifest = ProvisionManifest.read(root);
        String mac = req.mac().hex();

        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, byte[]> writes = new LinkedHashMap<>();
        // the bytes of each file to write that the root already holds, as read here (compared before writing)
        Map<String, byte[]> held = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (HopFiles.ProvisionFile f : hop.files()) {
            Optional<String> variant = listing.stream().filter(n -> n.equalsIgnoreCase(f.name()) && !n.equals(f.name()))
                    .findFirst();
            if (variant.isPresent()) {
                if (!req.force()) {
                    refusals.add(variant.get() + " differs from " + f.name() + " only in letter case: phones ask for "
                            + f.name() + " and a case-insensitive file system would overwrite it; rename or remove it,"
                            + " or use --force");
                } else {
                    notes.add(variant.get() + " is left as it is; phones ask for " + f.name()
                            + " (st20xx lint reports the wrong case)");
                }
            }
            byte[] fresh = f.render().getBytes(StandardCharsets.ISO_8859_1);
            if (!listing.contains(f.name())) {
                writes.put(f.name(), fresh);
                changes.add(new Change(f.name(), Action.WROTE));
                continue;
            }
            byte[] current = read(root.resolve(f.name()));
            held.put(f.name(), current);
            if (manifest.wrote(f.name(), current)) {
                List<String> others = manifest.files().get(f.name()).phones().stream().filter(p -> !p.equals(mac)).toList();
                if (Arrays.equals(current, fresh)) {
                    changes.add(new Change(f.name(), Action.KEPT));
                    writes.put(f.name(), current);
                } else if (!others.isEmpty() && !req.force()) {
                    refusals.add(f.name() + " names another image for phone(s) " + String.join(", ", others)
                            + ", and every phone on this TFTP root reads it: give this phone its own TFTP root"
                            + " (seed 001 'TFTP Accessibility'), or use --force to take it over");
                } else {
                    writes.put(f.name(), fresh);
                    changes.add(new Change(f.name(), Action.WROTE));
                    if (!others.isEmpty()) {
                        notes.add(f.name() + " no longer names the image of phone(s) " + String.join(", ", others));
                    }
                }
                continue;
            }
            if (!req.force()) {
                refusals.add(f.name() + " is in the TFTP root and st20xx did not write it (or it changed since): move it"
                        + " away, or use --force to " + (f.request().kind().namesImage() && !f.imageOnly()
                                && f.request().kind() != org.st20xx.matrix.BootFileKind.OS79XX
                                ? "set the image in it and keep the rest" : "replace it"));
                continue;
            }
            String updated = f.update(new String(current, StandardCharsets.ISO_8859_1), model);
            byte[] bytes = updated.getBytes(StandardCharsets.ISO_8859_1);
            writes.put(f.name(), bytes);
            changes.add(new Change(f.name(), Arrays.equals(bytes, current) ? Action.KEPT
                    : Arrays.equals(bytes, fresh) ? Action.REPLACED : Action.UPDATED));
            if (f.imageOnly() && !Arrays.equals(bytes, current)) {
                notes.add(f.name() + " now holds only image_version: SIP 2.x phones fail to fetch a larger one (seed"
                        + " 001 'W210 TFTP Error: buffer full'); put your settings back once the phone runs SIP 3.0"
                        + " or later");
            }
        }
        if (!refusals.isEmpty()) {
            throw St20xxException.usage("nothing written to " + root + ":\n" + String.join("\n", refusals));
        }

        Map<String, ProvisionManifest.FileEntry> files = new LinkedHashMap<>(manifest.files());
        List<String> removals = new ArrayList<>();
        ProvisionManifest.PhoneEntry before = manifest.phones().get(mac);
        if (before != null) {
            for (String old : before.files()) {
                if (writes.containsKey(old) || !files.containsKey(old)) {
                    continue;
                }
                ProvisionManifest.FileEntry e = files.get(old);
                List<String> left = e.phones().stream().filter(p -> !p.equals(mac)).toList();
                if (!left.isEmpty()) {
                    files.put(old, new ProvisionManifest.FileEntry(e.sha256(), left));
                } else if (listing.contains(old) && manifest.wrote(old, read(root.resolve(old)))) {
                    removals.add(old);
                    files.remove(old);
                    changes.add(new Change(old, Action.REMOVED));
                } else {
                    files.remove(old);
                    if (listing.contains(old)) {
                        notes.add(old + " changed since st20xx wrote it for an earlier hop: left as it is");
                    }
                }
            }
        }
        try {
            for (Map.Entry<String, byte[]> w : writes.entrySet()) {
                byte[] there = held.get(w.getKey());
                if (there == null || !Arrays.equals(there, w.getValue())) {
                    org.st20xx.report.AtomicFiles.write(root.resolve(w.getKey()), w.getValue(), true);
                }
                String sha256 = ProvisionManifest.sha256(w.getValue());
                ProvisionManifest.FileEntry e = files.get(w.getKey());
                TreeSet<String> phones = new TreeSet<>();
                if (e != null && e.sha256().equals(sha256)) {
                    phones.addAll(e.phones());
                }
                phones.add(mac);
                files.put(w.getKey(), new ProvisionManifest.FileEntry(sha256, List.copyOf(phones)));
            }
            for (String old : removals) {
                Files.deleteIfExists(root.resolve(old));
            }
            Map<String, ProvisionManifest.PhoneEntry> phones = new LinkedHashMap<>(manifest.phones());
            phones.put(mac, new ProvisionManifest.PhoneEntry(model.name(), ResultJson.load(req.from()),
                    ResultJson.load(plan.target()), plan.hops().size(), ResultJson.load(first.to()), image,
                    hop.names()));
            new ProvisionManifest(1, files, phones).write(root);
        } catch (IOException e) {
            throw St20xxException.usage("cannot write into " + root + ": " + e.getMessage());
        }
        TreeSet<String> after = list(root);
        if (hop.files().stream().anyMatch(HopFiles.ProvisionFile::shared)) {
            notes.add("every phone that uses this TFTP server reads "
                    + String.join(" and ", hop.files().stream().filter(HopFiles.ProvisionFile::shared)
                            .map(HopFiles.ProvisionFile::name).toList())
                    + ": point only this phone at it (Settings > Network Configuration > Alternate TFTP Server),"
                    + " seed 001 'TFTP Accessibility'");
        }
        return new Result(plan, Optional.of(hop), Optional.of(BootSequence.of(hop, after::contains)), changes, notes);
    }

    /** The image name a hop installs: its primary file without the format's suffix. */
    public static Optional<String> imageOf(PhoneModel model, Hop hop) {
        return hop.app().flatMap(app -> model.imageFormat(hop.to()).flatMap(f -> f.imageOfPrimary(app)));
    }

    /** Refuses when a file any hop fetches is not in the root under its exact name. */
    private static void checkImageFiles(PhoneModel model, Plan plan, TreeSet<String> listing, Path root) {
        List<String> missing = new ArrayList<>();
        for (Hop h : plan.hops()) {
            String hopName = "hop " + h.number() + " (" + h.from() + " -> " + h.to() + ")";
            Optional<String> image = imageOf(model, h);
            if (image.isEmpty()) {
                ImageFormat f = HopFiles.formatOf(model, h.to());
                missing.add(hopName + ": no " + h.to() + " image (a file named like " + f.primaryFile(f.example())
                        + ", from the release's zip)");
                continue;
            }
            ImageFormat f = HopFiles.formatOf(model, h.to());
            for (String file : f.files(image.get(), h.from())) {
                if (!listing.contains(file)) {
                    Optional<String> other = listing.stream().filter(n -> n.equalsIgnoreCase(file)).findFirst();
                    missing.add(hopName + ": " + file + other.map(o -> " (" + o + " is there: TFTP names are case"
                            + " sensitive)").orElse(""));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw St20xxException.usage("the TFTP root " + root + " lacks " + missing.size() + " image file(s) the plan"
                    + " needs (unzip the releases into it, then run provision again); nothing written:\n"
                    + String.join("\n", missing));
        }
    }

    private static TreeSet<String> list(Path root) {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    names.add(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw St20xxException.usage("--tftp-root " + root + ": cannot list: " + e.getMessage());
        }
        return names;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw St20xxException.usage(p + ": cannot read: " + e.getMessage());
        }
    }
}
