package org.st20xx.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.st20xx.firmware.FirmwareFile;
import org.st20xx.firmware.FirmwareInventory;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;
import org.st20xx.matrix.Rule;

/**
 * Finds the safe hops from a phone's load to a target: a shortest-path search over states
 * (load, DSP) where an edge is one hop onto a release the matrix or the firmware directory
 * offers, with a DSP that release accepts, and no rule forbids the reboot. Every reboot of a hop
 * lands on that (application, DSP) pair, so a plan can only contain compatible pairs.
 *
 * <p>Plans are ranked by: files missing from the firmware directory (only when one is given), then
 * hops (reboots), then DSP writes (flash writes), then a stable tie-break (newer versions first,
 * then the DSP the matrix lists first). The same matrix and request always give the same plan.
 */
public final class Planner {

    /** A release the planner may hop onto, with the files it would use. */
    private record Candidate(Load load, Optional<String> app, Optional<String> config) {
    }

    /** A node of the search: a load and the DSP in flash (null = unknown, or a model without DSPs). */
    private record State(Load load, String dsp) {
    }

    private record Cost(int missing, int hops, int dspWrites) implements Comparable<Cost> {
        @Override
        public int compareTo(Cost o) {
            return Comparator.comparingInt(Cost::missing).thenComparingInt(Cost::hops)
                    .thenComparingInt(Cost::dspWrites).compare(this, o);
        }
    }

    private record Label(Cost cost, List<State> path) {
    }

    private static void requireProtocol(PhoneModel model, String protocol) {
        if (!model.protocols().contains(protocol)) {
            throw new NoSafePlanException(model.name() + " has no protocol '" + protocol + "' (it runs "
                    + String.join(", ", model.protocols()) + ")");
        }
    }

    public Plan plan(PlanRequest request) {
        PhoneModel model = request.model();
        Load from = request.from();
        List<String> warnings = new ArrayList<>();

        requireProtocol(model, from.protocol());
        if (!model.knows(from)) {
            throw new NoSafePlanException(model.name() + " " + from + " is not in the firmware matrix: which DSP it"
                    + " runs with is unknown, so no step from it can be proven safe (add it to firmware-matrix.yaml)");
        }
        requireProtocol(model, request.target().protocol());
        String startDsp = startDsp(model, from, request.fromDsp(), warnings);
        String flashDsp = startDsp;
        if (request.flashDspUnknown() && model.hasDsp()) {
            warnings.add("an earlier run may have left another DSP in flash: the first hop downloads the DSP again");
            flashDsp = null;
        }

        Map<Load, Candidate> candidates = candidates(model, request.firmware());
        Load target = resolveTarget(model, from, request.target(), candidates, request.firmware());
        Optional<Dsp> fromDsp = Optional.ofNullable(startDsp).flatMap(model::dsp);
        if (target.equals(from)) {
            warnings.add("the phone already runs " + from + ": nothing to do");
            return new Plan(model.name(), from, fromDsp, target, List.of(), warnings, List.of());
        }

        boolean countMissing = request.firmware().isPresent();
        Label best = search(model, new State(from, flashDsp), target, candidates, countMissing, request.firmware());
        if (best == null) {
            throw new NoSafePlanException(explain(model, from, target, candidates));
        }

        List<Hop> hops = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String where = request.firmware().map(f -> " in " + f.dir()).orElse("");
        for (int i = 1; i < best.path().size(); i++) {
            State a = best.path().get(i - 1);
            State b = best.path().get(i);
            Candidate c = candidates.get(b.load());
            Optional<Dsp> dsp = Optional.ofNullable(b.dsp()).flatMap(model::dsp);
            boolean dspWrite = dsp.isPresent() && !Objects.equals(a.dsp(), b.dsp());
            Optional<String> dspFile = dsp.flatMap(d -> dspFile(model, d, request.firmware()));
            Hop hop = new Hop(i, a.load(), b.load(), Optional.ofNullable(a.dsp()).flatMap(model::dsp), dsp, dspWrite,
                    c.app(), dspFile, c.config(), model.rebootsPerHop());
            hops.add(hop);
            if (hop.app().isEmpty()) {
                missing.add(describeMissing(model, "application", b.load(), model.release(b.load()).flatMap(Release::app), where));
            }
            if (dspWrite && dspFile.isEmpty()) {
                missing.add("the DSP " + dsp.get().file() + " (for " + b.load() + ")" + (where.isEmpty() ? "" : " is not" + where));
            }
            if (model.hasDsp() && hop.config().isEmpty()) {
                missing.add(describeMissing(model, "configuration", b.load(), model.release(b.load()).flatMap(Release::config), where));
            }
        }
        for (String m : missing) {
            warnings.add("missing: " + m);
        }
        return new Plan(model.name(), from, fromDsp, target, hops, warnings, missing);
    }

    private static String describeMissing(PhoneModel model, String kind, Load load, Optional<String> knownName,
            String where) {
        String what = "the " + kind + " of " + model.name() + " " + load;
        if (!where.isEmpty()) {
            return what + knownName.map(n -> " (" + n + ")").orElse("") + " is not" + where;
        }
        return what + ": no source names its file; give --firmware DIR";
    }

    /** The DSP the phone starts with: given, or the only one its load accepts, or unknown (null). */
    private static String startDsp(PhoneModel model, Load from, Optional<String> given, List<String> warnings) {
        if (!model.hasDsp()) {
            return null;
        }
        if (given.isPresent()) {
            String id = given.get();
            Dsp dsp = model.dsp(id).orElseThrow(() -> new NoSafePlanException("unknown DSP '" + id + "' for " + model.name()));
            if (!model.compatible(from, id)) {
                throw new NoSafePlanException(model.name() + " " + from + " with DSP " + dsp
                        + " is a pair the matrix calls incompatible; check the phone and firmware-matrix.yaml before going on");
            }
            return id;
        }
        List<Dsp> accepted = model.acceptedDsps(from);
        if (accepted.size() == 1) {
            return accepted.get(0).id();
        }
        warnings.add("the phone's current DSP is not known: the first hop downloads a DSP");
        return null;
    }

    private static Map<Load, Candidate> candidates(PhoneModel model, Optional<FirmwareInventory> firmware) {
        Map<Load, Candidate> out = new LinkedHashMap<>();
        if (firmware.isEmpty()) {
            for (Release r : model.releases()) {
                out.put(r.load(), new Candidate(r.load(), r.app(), r.config()));
            }
            return out;
        }
        FirmwareInventory inv = firmware.get();
        for (Load load : inv.applications(model.name())) {
            out.put(load, new Candidate(load, inv.application(model.name(), load).map(FirmwareFile::name),
                    inv.config(model.name(), load).map(FirmwareFile::name)));
        }
        for (Release r : model.releases()) {
            out.putIfAbsent(r.load(), new Candidate(r.load(), Optional.empty(),
                    inv.config(model.name(), r.load()).map(FirmwareFile::name)));
        }
        return out;
    }

    private static Optional<String> dspFile(PhoneModel model, Dsp dsp, Optional<FirmwareInventory> firmware) {
        if (firmware.isEmpty()) {
            return Optional.of(dsp.file());
        }
        return firmware.get().dsp(model.name(), dsp.id()).map(FirmwareFile::name);
    }

    private static Load resolveTarget(PhoneModel model, Load from, Target target, Map<Load, Candidate> candidates,
            Optional<FirmwareInventory> firmware) {
        String proto = target.protocol();
        if (target.version().isPresent() && proto.equals(from.protocol()) && from.version().startsWith(target.version().get())) {
            return from;
        }
        List<Candidate> matching = candidates.values().stream()
                .filter(c -> c.load().protocol().equals(proto))
                .filter(c -> target.version().map(v -> c.load().version().startsWith(v)).orElse(true))
                .toList();
        List<Candidate> present = matching.stream().filter(c -> c.app().isPresent()).toList();
        List<Candidate> pool = firmware.isPresent() && !present.isEmpty() ? present : matching;
        Optional<Load> newest = pool.stream().map(Candidate::load).max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            String where = firmware.map(f -> "known to the matrix or present in " + f.dir()).orElse("known to the matrix");
            throw new NoSafePlanException("no " + model.name() + " " + target + " release is " + where
                    + " (known: " + candidates.keySet().stream().sorted().map(Load::toString).toList() + ")");
        }
        if (target.version().isEmpty() && proto.equals(from.protocol()) && from.version().compareTo(newest.get().version()) >= 0) {
            return from;
        }
        return newest.get();
    }

    private Label search(PhoneModel model, State start, Load target, Map<Load, Candidate> candidates,
            boolean countMissing, Optional<FirmwareInventory> firmware) {
        Comparator<Label> order = Comparator.comparing(Label::cost)
                .thenComparing(Label::path, (a, b) -> comparePaths(model, a, b));
        PriorityQueue<Label> queue = new PriorityQueue<>(order);
        queue.add(new Label(new Cost(0, 0, 0), List.of(start)));
        Set<State> settled = new HashSet<>();
        while (!queue.isEmpty()) {
            Label label = queue.poll();
            State at = label.path().get(label.path().size() - 1);
            if (!settled.add(at)) {
                continue;
            }
            if (at.load().equals(target)) {
                return label;
            }
            for (Candidate c : candidates.values()) {
                if (c.load().equals(at.load()) || model.forbiddingRule(at.load(), c.load()).isPresent()) {
                    continue;
                }
                List<Dsp> dsps = model.hasDsp() ? model.acceptedDsps(c.load()) : Collections.singletonList(null);
                for (Dsp dsp : dsps) {
                    State next = new State(c.load(), dsp == null ? null : dsp.id());
                    if (settled.contains(next)) {
                        continue;
                    }
                    boolean dspWrite = dsp != null && !dsp.id().equals(at.dsp());
                    int missing = 0;
                    if (countMissing) {
                        missing += c.app().isEmpty() ? 1 : 0;
                        missing += model.hasDsp() && c.config().isEmpty() ? 1 : 0;
                        missing += dspWrite && dspFile(model, dsp, firmware).isEmpty() ? 1 : 0;
                    }
                    Cost cost = new Cost(label.cost().missing() + missing, label.cost().hops() + 1,
                            label.cost().dspWrites() + (dspWrite ? 1 : 0));
                    List<State> path = new ArrayList<>(label.path());
                    path.add(next);
                    queue.add(new Label(cost, path));
                }
            }
        }
        return null;
    }

    /**
     * Stable tie-break between equally good paths (equal cost means equal length): newer versions
     * first, then the DSP the matrix lists first for that load.
     */
    private static int comparePaths(PhoneModel model, List<State> a, List<State> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            State x = a.get(i);
            State y = b.get(i);
            int c = x.load().protocol().compareTo(y.load().protocol());
            if (c == 0) {
                c = y.load().version().compareTo(x.load().version());
            }
            if (c == 0) {
                c = Integer.compare(preference(model, x), preference(model, y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int preference(PhoneModel model, State s) {
        if (s.dsp() == null) {
            return -1;
        }
        List<Dsp> accepted = model.acceptedDsps(s.load());
        for (int i = 0; i < accepted.size(); i++) {
            if (accepted.get(i).id().equals(s.dsp())) {
                return i;
            }
        }
        return accepted.size();
    }

    private static String explain(PhoneModel model, Load from, Load target, Map<Load, Candidate> candidates) {
        StringBuilder sb = new StringBuilder("no safe plan for ").append(model.name()).append(" from ").append(from)
                .append(" to ").append(target).append(": ");
        List<Rule> direct = model.rules().stream().filter(r -> r.forbids(from, target)).toList();
        if (direct.isEmpty()) {
            return sb.append("no chain of allowed reboots onto compatible application/DSP pairs connects them").toString();
        }
        sb.append("a direct reboot is forbidden by ");
        for (int i = 0; i < direct.size(); i++) {
            Rule r = direct.get(i);
            sb.append(i == 0 ? "" : " and by ").append("rule ").append(r.name()).append(" (").append(r.reason())
                    .append("; ").append(r.source()).append(")");
        }
        List<String> unknownBridges = direct.stream().flatMap(r -> r.bridge().stream())
                .filter(b -> candidates.keySet().stream().noneMatch(b::matches)).map(Object::toString).toList();
        if (!unknownBridges.isEmpty()) {
            sb.append(", and no ").append(String.join(" or ", unknownBridges))
                    .append(" release is known or present to bridge it");
        } else {
            sb.append(", and no chain of allowed reboots goes round it");
        }
        return sb.toString();
    }
}
