package org.st20xx.cisco;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.st20xx.matrix.BootProfile;
import org.st20xx.matrix.BootRequest;
import org.st20xx.matrix.Load;

/**
 * The TFTP requests a phone makes during one hop, in order, as the matrix's boot profiles say:
 * booting on {@code from} it asks for its files until the request after which it decides (for
 * legacy loads OS79XX.TXT, for universal-loader loads its configuration), finds another image
 * named, fetches the image files, writes them to flash and reboots onto {@code to}; then it asks
 * for the files of {@code to} and finds its own image named. What the technician sees in a TFTP
 * log, and what {@link BootWatcher} compares transfer events with.
 */
public record BootSequence(List<Step> steps) {
    /** One thing the phone does. */
    public sealed interface Step permits Request, Install {
    }

    /**
     * A TFTP read request for {@code file} by a phone running {@code running}; {@code provided}
     * when st20xx writes the file for this hop (other files may be missing: the phone goes on).
     */
    public record Request(String file, Load running, boolean provided) implements Step {
        public Request {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(running, "running");
        }
    }

    /** The phone fetches {@code files} in order, writes them to flash and reboots onto {@code onto}. */
    public record Install(List<String> files, Load onto) implements Step {
        public Install {
            files = List.copyOf(files);
            Objects.requireNonNull(onto, "onto");
        }
    }

    public BootSequence {
        steps = List.copyOf(steps);
    }

    /**
     * The sequence of {@code hop}; {@code present} says which files the TFTP root holds besides
     * the hop's own (it decides whether a phone falls back to a file like XMLDefault.cnf.xml).
     */
    public static BootSequence of(HopFiles hop, Predicate<String> present) {
        List<Step> steps = new ArrayList<>();
        Predicate<String> there = name -> hop.file(name).isPresent() || present.test(name);
        boolean installed = phase(hop, HopFiles.profile(hop.model(), hop.from()), hop.from(), true, there, steps);
        if (!installed) {
            steps.add(new Install(hop.imageFiles(), hop.to()));
        }
        phase(hop, HopFiles.profile(hop.model(), hop.to()), hop.to(), false, there, steps);
        return new BootSequence(steps);
    }

    /** Adds the requests of one boot; when {@code decide}, stops at the decision with the install. */
    private static boolean phase(HopFiles hop, BootProfile profile, Load running, boolean decide,
            Predicate<String> there, List<Step> steps) {
        String mac = hop.mac();
        Optional<BootRequest> decision = profile.decisionPoint(running.version());
        for (BootRequest r : profile.requests()) {
            if (r.ifMissing().isPresent() && there.test(r.ifMissing().get().replace(BootRequest.MAC, mac))) {
                continue;
            }
            String name = r.fileName(mac);
            steps.add(new Request(name, running, hop.file(name).isPresent()));
            boolean decidesHere = decision.map(d -> decidesAfter(profile, d, r, there, mac)).orElse(false);
            if (decide && decidesHere) {
                steps.add(new Install(hop.imageFiles(), hop.to()));
                return true;
            }
        }
        return false;
    }

    /**
     * True when the phone acts on the image after request {@code r}: the decision request itself,
     * unless it is missing and a later request stands in for it (then after that one).
     */
    private static boolean decidesAfter(BootProfile profile, BootRequest decision, BootRequest r, Predicate<String> there,
            String mac) {
        boolean missing = !there.test(decision.fileName(mac));
        boolean hasFallback = profile.requests().stream()
                .anyMatch(x -> x.ifMissing().map(m -> m.equals(decision.file())).orElse(false));
        if (r.equals(decision)) {
            return !(missing && hasFallback);
        }
        return missing && r.ifMissing().map(m -> m.equals(decision.file())).orElse(false);
    }

    /** The requests in order, as file names (install steps give their files). */
    public List<String> fileOrder() {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Request r) {
                out.add(r.file());
            } else if (s instanceof Install i) {
                out.addAll(i.files());
            }
        }
        return out;
    }
}
