package org.st20xx.cisco;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.st20xx.St20xxException;
import org.st20xx.matrix.BootProfile;
import org.st20xx.matrix.BootRequest;
import org.st20xx.matrix.Load;
import org.st20xx.tftp.Outcome;
import org.st20xx.tftp.TftpRequest;
import org.st20xx.tftp.TftpServer;
import org.st20xx.tftp.Transfer;
import org.st20xx.tftp.TransferListener;

/**
 * Follows one Cisco 7940/7960 through its hops by the requests it makes to a TFTP server (the
 * boot sequence of seed 001's and seed 003's TFTP logs, as {@link BootSequence} gives it): it
 * reports each file the phone asks for, found or not, the image it pulls, its reboot and when its
 * boot is finished; when the phone runs the hop's load it writes the next hop's files with
 * {@link Provisioner} and asks for the next power cycle, until the phone runs the target.
 *
 * <p>A hop is <em>done</em> when the phone fetched every file of the hop's image, then asked for
 * its files again and got to the last one its new load asks for. It <em>failed</em> when the phone
 * could not fetch a file of the image, fetched the files of another image, or read past the request
 * after which it decides without fetching anything (it kept its image). The phone is told apart
 * from other clients by its address, learnt from the first request for a file bearing its MAC; point
 * only this phone at the server (seed 001, "TFTP Accessibility and Impact on Network").
 *
 * <p>Listener callbacks run on the TFTP server's event thread; {@link #await} on the caller's.
 */
public final class BootWatcher implements TransferListener {
    /** Unplug the power, or the Ethernet cable when it is powered inline (seed 001, step 4). */
    public static final String POWER_CYCLE = "power-cycle the phone now (unplug the power, or the Ethernet cable"
            + " when it is powered inline)";

    private enum Phase { WAITING, BOOTING, INSTALLING, REBOOTING, BOOTED }

    /** The hop being watched. */
    private final class Watched {
        final int number;
        final int of;
        final HopFiles files;
        final List<String> installFiles;
        final Set<String> bootFiles = new HashSet<>();
        /** Requests the phone makes on {@code from} after it has decided: seen before the install, it kept its image. */
        final Set<String> pastDecision = new LinkedHashSet<>();
        final String lastFile;
        final Set<String> fetched = new HashSet<>();
        final List<WatchResult.Seen> seen = new ArrayList<>();
        final Instant start = Instant.now();
        Phase phase = Phase.WAITING;
        String lastRequest;

        Watched(int number, int of, HopFiles files, BootSequence sequence) {
            this.number = number;
            this.of = of;
            this.files = files;
            String mac = request.mac().hex();
            this.installFiles = files.imageFiles(); // what the sequence's one Install step fetches
            List<String> before = new ArrayList<>();
            boolean installed = false;
            String last = null;
            for (BootSequence.Step s : sequence.steps()) {
                if (s instanceof BootSequence.Install) {
                    installed = true;
                } else if (s instanceof BootSequence.Request r) {
                    if (!installed) {
                        before.add(r.file());
                    }
                    last = r.file();
                }
            }
            this.lastFile = last;
            BootProfile fromProfile = HopFiles.profile(request.model(), files.from());
            Optional<BootRequest> decision = fromProfile.decisionPoint(files.from().version());
            boolean past = false;
            for (BootRequest r : fromProfile.requests()) {
                if (past) {
                    pastDecision.add(r.fileName(mac));
                }
                past |= decision.map(r::equals).orElse(false);
            }
            pastDecision.removeAll(before);
            for (BootProfile p : List.of(fromProfile, HopFiles.profile(request.model(), files.to()))) {
                p.requests().forEach(r -> bootFiles.add(r.fileName(mac)));
            }
        }

        String title() {
            return "hop " + number + " of " + of + " (" + files.from() + " -> " + files.to() + ", image " + files.image()
                    + ")";
        }

        /** {@code wrote A, B; removed C} */
        String changes(List<Provisioner.Change> changes) {
            Map<String, List<String>> byAction = new LinkedHashMap<>();
            changes.forEach(c -> byAction.computeIfAbsent(c.action().word(), k -> new ArrayList<>()).add(c.file()));
            List<String> parts = new ArrayList<>();
            byAction.forEach((action, names) -> parts.add(action + " " + String.join(", ", names)));
            return String.join("; ", parts);
        }

        WatchResult.HopReport report(WatchResult.HopStatus status) {
            return new WatchResult.HopReport(number, files.from(), files.to(), files.image(), status, seen,
                    Duration.between(start, Instant.now()));
        }
    }

    private final Provisioner.Request request;
    private Consumer<WatchEvent> events;
    private Provisioner.Result first;
    private final Instant started = Instant.now();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<WatchResult.HopReport> reports = new ArrayList<>();
    private final Set<InetAddress> others = new HashSet<>();
    private Load target;
    private Load runs;
    private int hopsDone;
    private Watched current;
    private InetAddress phone;
    private WatchResult result;

    private BootWatcher(Provisioner.Request request) {
        this.request = request;
        this.runs = request.from();
    }

    /**
     * Writes (or keeps) the first hop's files with {@link Provisioner}, as {@code st20xx provision}
     * would for {@code request} (and later hops' from the load each hop reaches); then
     * {@link #follow} the phone. A refusal (no safe plan, a missing image file, a file it
     * will not overwrite) is a {@link St20xxException} (exit 2), before anything is served.
     */
    public static BootWatcher provision(Provisioner.Request request) {
        BootWatcher w = new BootWatcher(request);
        w.first = w.provision(request.from());
        w.target = w.first.plan().target();
        return w;
    }

    /**
     * Starts following the requests {@code server} (which serves {@code request.root()}) reports, and
     * tells {@code events} about the first hop: its files and the power cycle that starts it.
     */
    public void follow(TftpServer server, Consumer<WatchEvent> events) {
        synchronized (this) {
            if (this.events != null) {
                throw new IllegalStateException("already following");
            }
            this.events = Objects.requireNonNull(events, "events");
            server.addListener(this);
            if (first.hop().isEmpty()) {
                emit(WatchEvent.Kind.NOTE, "the phone already runs " + first.plan().from() + ": nothing to watch");
                finish(WatchResult.Status.CONVERTED, null);
            } else {
                begin(first);
            }
        }
    }

    /**
     * Waits until the phone runs the target or a hop failed, at most {@code timeout}; then the
     * result ({@code timeout} when the time ran out).
     */
    public WatchResult await(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            synchronized (this) {
                if (result == null) {
                    finish(WatchResult.Status.TIMEOUT, "no result after " + timeout.toSeconds() + " s: " + progress());
                }
            }
        }
        synchronized (this) {
            return result;
        }
    }

    /** The result once the watch ended, else empty. */
    public synchronized Optional<WatchResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public synchronized void requestReceived(TftpRequest asked) {
        if (result != null || current == null || asked.kind() != TftpRequest.Kind.READ
                || !fromPhone(asked.client().getAddress())) {
            return;
        }
        String file = asked.relativeName();
        if (current.installFiles.contains(file)) {
            emit(WatchEvent.Kind.FETCHING, "fetching " + file + " (image " + current.files.image() + ")");
        }
    }

    @Override
    public synchronized void transferFinished(Transfer t) {
        if (result != null || current == null || t.request().kind() != TftpRequest.Kind.READ) {
            return;
        }
        InetAddress client = t.client().getAddress();
        String file = t.relativeName();
        if (phone == null && file.contains(request.mac().hex())) {
            phone = client;
        }
        if (!fromPhone(client)) {
            if (others.add(client)) {
                emit(WatchEvent.Kind.NOTE, "another client, " + client.getHostAddress() + ", asks this server for "
                        + Transfer.printable(file) + ": only the phone being converted should use it (seed 001"
                        + " 'TFTP Accessibility')");
            }
            return;
        }
        Watched w = current;
        String role = w.installFiles.contains(file) ? "image" : w.bootFiles.contains(file) ? "boot" : "other";
        w.seen.add(new WatchResult.Seen(client.getHostAddress(), file, t.outcome().name(), t.bytes(), role));
        w.lastRequest = file;
        emit(WatchEvent.Kind.REQUEST, "asked for " + Transfer.printable(file) + ": " + outcomeText(t, role));
        switch (role) {
            case "image" -> imageFile(w, file, t);
            case "boot" -> bootFile(w, file);
            default -> otherFile(w, file);
        }
    }

    private void imageFile(Watched w, String file, Transfer t) {
        if (!t.complete()) {
            fail(w, "the phone could not fetch " + file + " (" + t.outcome().name().toLowerCase(Locale.ROOT)
                    + (t.outcome() == Outcome.NOT_FOUND ? ": it is not in the TFTP root; the phone shows \"Protocol"
                            + " Application Invalid\")" : t.outcome() == Outcome.CLIENT_ERROR ? ": the phone gave the"
                            + " transfer up, as in seed 001's \"State Error\" log)" : ")"));
            return;
        }
        w.fetched.add(file);
        w.phase = Phase.INSTALLING;
        if (w.fetched.containsAll(w.installFiles)) {
            w.phase = Phase.REBOOTING;
            emit(WatchEvent.Kind.IMAGE, "the phone has image " + w.files.image() + " (" + w.installFiles.size()
                    + (w.installFiles.size() == 1 ? " file" : " files") + "): it writes it to flash and reboots onto "
                    + w.files.to());
        }
    }

    private void bootFile(Watched w, String file) {
        switch (w.phase) {
            case WAITING -> w.phase = Phase.BOOTING;
            case REBOOTING -> {
                w.phase = Phase.BOOTED;
                emit(WatchEvent.Kind.REBOOT, "the phone came back on " + w.files.to() + " and asks for its files");
            }
            default -> {
                // still reading
            }
        }
        if (w.phase == Phase.BOOTING && w.pastDecision.contains(file)) {
            fail(w, "the phone read its files and kept its image (it asked for " + Transfer.printable(file)
                    + " without fetching "
                    + w.files.image() + "): look at its screen");
        } else if (w.phase == Phase.BOOTED && file.equals(w.lastFile)) {
            hopDone(w);
        }
    }

    /** A file of another image means a file the phone reads names another image. */
    private void otherFile(Watched w, String file) {
        Matcher ext = Os79xxFile.WITH_EXTENSION.matcher(file);
        Optional<String> image = ext.matches() ? request.model().imageNamed(ext.group(1)) : Optional.empty();
        if (image.isPresent() && !image.get().equals(w.files.image())) {
            fail(w, "the phone fetches " + file + ", a file of " + image.get() + ", not of the hop's image "
                    + w.files.image() + ": a file it reads names another image");
        }
    }

    private void hopDone(Watched w) {
        hopsDone++;
        runs = w.files.to();
        reports.add(w.report(WatchResult.HopStatus.DONE));
        current = null;
        emit(WatchEvent.Kind.BOOT_FINISHED, "boot finished: the phone runs " + runs + " (hop " + w.number + " of "
                + w.of + " done)");
        if (runs.equals(target)) {
            finish(WatchResult.Status.CONVERTED, null);
            return;
        }
        try {
            Provisioner.Result next = provision(runs);
            if (next.hop().isEmpty()) {
                finish(WatchResult.Status.CONVERTED, null);
            } else {
                begin(next);
            }
        } catch (St20xxException e) {
            finish(WatchResult.Status.FAILED, "cannot write the next hop's files: " + e.getMessage());
        }
    }

    private Provisioner.Result provision(Load from) {
        return Provisioner.provision(new Provisioner.Request(request.matrix(), request.model(), request.mac(), from,
                request.target(), request.root(), request.force()));
    }

    /** Watches the hop {@code r} wrote and asks for the power cycle that starts it. */
    private void begin(Provisioner.Result r) {
        HopFiles files = r.hop().orElseThrow();
        current = new Watched(hopsDone + 1, hopsDone + r.plan().hops().size(), files, r.sequence().orElseThrow());
        emit(WatchEvent.Kind.HOP, current.title() + ": " + current.changes(r.changes()));
        r.notes().forEach(n -> emit(WatchEvent.Kind.NOTE, n));
        emit(WatchEvent.Kind.POWER_CYCLE, POWER_CYCLE);
    }

    private void fail(Watched w, String why) {
        reports.add(w.report(WatchResult.HopStatus.FAILED));
        current = null;
        finish(WatchResult.Status.FAILED, w.title() + ": " + why);
    }

    private void finish(WatchResult.Status status, String error) {
        if (current != null) {
            reports.add(current.report(WatchResult.HopStatus.UNFINISHED));
        }
        List<String> hints = status == WatchResult.Status.CONVERTED ? List.of() : lint();
        result = new WatchResult(status, request.model().name(), request.mac(), request.from(),
                target == null ? runs : target, runs, reports, Optional.ofNullable(error), hints,
                Duration.between(started, Instant.now()));
        finished.countDown();
    }

    /** What {@code st20xx lint} finds for this phone, as hints after a failure. */
    private List<String> lint() {
        try {
            return TftpRootLint.check(request.root(), request.matrix(), new TftpRootLint.Scope(
                    Optional.of(request.model()), Optional.of(request.mac()), Optional.of(runs))).stream()
                    .map(TftpRootLint.Problem::toString).toList();
        } catch (St20xxException e) {
            return List.of();
        }
    }

    private String progress() {
        Watched w = current;
        if (w == null) {
            return "no hop under way";
        }
        return w.title() + ": " + switch (w.phase) {
            case WAITING -> "the phone asked for nothing; is it powered, and is this its TFTP server (Settings >"
                    + " Network Configuration > TFTP Server)?";
            case BOOTING -> "the phone last asked for " + Transfer.printable(w.lastRequest) + " and fetched no image"
                    + " (look at its screen, e.g. \"W210 TFTP Error : buffer full\")";
            case INSTALLING -> "the phone fetched " + w.fetched.size() + " of the image's " + w.installFiles.size()
                    + " files";
            case REBOOTING -> "the phone fetched the image but has not asked for its files since (it did not come"
                    + " back)";
            case BOOTED -> "the phone came back on " + w.files.to() + " but stopped after "
                    + Transfer.printable(w.lastRequest);
        };
    }

    private boolean fromPhone(InetAddress client) {
        return phone == null || phone.equals(client);
    }

    private static String outcomeText(Transfer t, String role) {
        if (t.complete()) {
            return "sent, " + t.bytes() + " bytes";
        }
        if (t.outcome() == Outcome.NOT_FOUND) {
            return "not found" + (role.equals("image") ? "" : " (the phone goes on without it)");
        }
        return t.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (t.detail().isEmpty() ? "" : " (" + Transfer.printable(t.detail()) + ")");
    }

    private void emit(WatchEvent.Kind kind, String text) {
        events.accept(new WatchEvent(kind, text));
    }
}
