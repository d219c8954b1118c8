package org.st20xx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.st20xx.matrix.Compatibility;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.FilePattern;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;
import org.st20xx.matrix.Rule;
import org.st20xx.matrix.Selector;
import org.st20xx.matrix.Version;
import org.st20xx.matrix.VersionRange;

/**
 * The planner's safety invariants, over the shipped matrix (checked against seed 000's table
 * written out here independently of firmware-matrix.yaml) and over generated matrices (checked
 * against a brute-force search).
 */
class PlannerProperties {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();
    private final Planner planner = new Planner();

    // ---- the shipped matrix against seed 000 -------------------------------------------------

    /** A start the seed allows (a release with each DSP it accepts, or unknown) and a target. */
    record SeedCase(String model, Load from, Optional<String> dsp, Target target) {
    }

    @Provide
    Arbitrary<SeedCase> seedCases() {
        List<SeedCase> cases = new ArrayList<>();
        for (String name : List.of("ST2030", "ST2022")) {
            PhoneModel m = MATRIX.requireModel(name);
            List<Target> targets = new ArrayList<>();
            for (String p : m.protocols()) {
                targets.add(new Target(p, Optional.empty()));
            }
            for (Release r : m.releases()) {
                targets.add(new Target(r.load().protocol(), Optional.of(r.load().version())));
            }
            for (Release r : m.releases()) {
                List<Optional<String>> dsps = new ArrayList<>();
                dsps.add(Optional.empty());
                m.acceptedDsps(r.load()).forEach(d -> dsps.add(Optional.of(d.id())));
                for (Optional<String> d : dsps) {
                    for (Target t : targets) {
                        cases.add(new SeedCase(name, r.load(), d, t));
                    }
                }
            }
        }
        return Arbitraries.of(cases);
    }

    /** Seed 000 s2.2, written out by hand: may application {@code load} run with DSP file {@code dsp}? */
    static boolean seedTableAllows(String model, Load load, String dsp) {
        Version v = load.version();
        boolean sip = load.protocol().equals("sip");
        if (model.equals("ST2030")) {
            if (!sip && v.part(0) == 1) {
                return v.compareTo(Version.parse("1.55")) < 0 ? dsp.equals("ST2030MEC_v100_dsp.zz")
                        : dsp.equals("ST2030_dsp_v101.zz") || dsp.equals("ST2030MEC_v100_dsp.zz");
            }
            if (sip && v.part(0) == 1) {
                return v.compareTo(Version.parse("1.54")) < 0 ? dsp.equals("ST2030_SIP_v100_dsp_4way.zz")
                        : dsp.equals("ST2030_dsp_v101.zz") || dsp.equals("ST2030_SIP_v100_dsp_4way.zz");
            }
            if (sip && v.part(0) == 2 && v.part(1) == 67) {
                return dsp.equals("v2030_dsp_v310_r11.1.zz");
            }
            return sip && v.part(0) == 2 && v.part(1) >= 68 && dsp.equals("v2030_dsp_R11.1_SED_v320.zz");
        }
        if (!sip && v.part(0) == 3) {
            return dsp.equals("ST2022m_DSP_v300.zz");
        }
        if (sip && v.part(0) == 3) {
            return dsp.equals("v2022s_dsp_v300.zz");
        }
        if (sip && v.part(0) == 4 && v.part(1) == 67) {
            return dsp.equals("v2022_dsp_v310.zz");
        }
        return sip && v.part(0) == 4 && v.part(1) >= 68 && dsp.equals("v2022_dsp_R11.1_SED_v320.zz");
    }

    /** Seed 000 s2.1, written out by hand: may a phone reboot from {@code a} straight onto {@code b}? */
    static boolean seedAllowsDirect(String model, Load a, Load b) {
        int newMajor = model.equals("ST2030") ? 2 : 4;
        Version bridgeLow = Version.parse(model.equals("ST2030") ? "1.66" : "3.66");
        Version bridgeHigh = Version.parse(model.equals("ST2030") ? "1.67" : "3.67");
        Version gate = Version.parse(model.equals("ST2030") ? "2.67" : "4.67");
        boolean aNewSip = a.protocol().equals("sip") && a.version().part(0) == newMajor;
        boolean bNewSip = b.protocol().equals("sip") && b.version().part(0) == newMajor;
        if ((a.protocol().equals("mgcp") && bNewSip) || (b.protocol().equals("mgcp") && aNewSip)) {
            return false;
        }
        boolean aAbove = a.protocol().equals("sip") && a.version().compareTo(gate) >= 0;
        boolean bAbove = b.protocol().equals("sip") && b.version().compareTo(gate) >= 0;
        if (aAbove != bAbove) {
            Load lower = aAbove ? b : a;
            return lower.protocol().equals("sip") && lower.version().compareTo(bridgeLow) >= 0
                    && lower.version().compareTo(bridgeHigh) < 0;
        }
        return true;
    }

    @Property(tries = 400)
    void shippedMatrixPlansOnlyWhatSeed000Allows(@ForAll("seedCases") SeedCase c) {
        PhoneModel m = MATRIX.requireModel(c.model());
        Plan plan;
        try {
            plan = planner.plan(new PlanRequest(m, c.from(), c.dsp(), c.target(), Optional.empty()));
        } catch (NoSafePlanException e) {
            return; // refusing is always safe
        }
        Load at = c.from();
        for (Hop hop : plan.hops()) {
            assertThat(seedTableAllows(c.model(), hop.to(), hop.dsp().orElseThrow().file()))
                    .as("hop %d of %s boots %s with %s", hop.number(), plan, hop.to(), hop.dsp()).isTrue();
            assertThat(seedAllowsDirect(c.model(), at, hop.to())).as("direct %s -> %s", at, hop.to()).isTrue();
            at = hop.to();
        }
    }

    // ---- the shipped Cisco models against seeds 001-003 ---------------------------------------

    @Provide
    Arbitrary<SeedCase> ciscoCases() {
        List<SeedCase> cases = new ArrayList<>();
        for (String name : List.of("7940", "7960")) {
            PhoneModel m = MATRIX.requireModel(name);
            List<Load> starts = new ArrayList<>(m.releases().stream().map(Release::load).toList());
            for (String extra : List.of("sip:2.1", "sip:3.1", "sip:6.1", "sccp:3.0", "sccp:4.1", "sccp:5.1")) {
                starts.add(Load.of(extra.split(":")[0], extra.split(":")[1]));
            }
            List<Target> targets = new ArrayList<>();
            m.protocols().forEach(p -> targets.add(new Target(p, Optional.empty())));
            m.releases().forEach(r -> targets.add(new Target(r.load().protocol(), Optional.of(r.load().version()))));
            for (Load from : starts) {
                for (Target t : targets) {
                    cases.add(new SeedCase(name, from, Optional.empty(), t));
                }
            }
        }
        return Arbitraries.of(cases);
    }

    private static boolean below(Load l, String v) {
        return l.version().compareTo(Version.parse(v)) < 0;
    }

    /** Seeds 001-003 on the Cisco 7940/7960, written out by hand: may a phone go from {@code a} straight to {@code b}? */
    static boolean ciscoSeedsAllowDirect(Load a, Load b) {
        boolean aSip = a.protocol().equals("sip");
        boolean bSip = b.protocol().equals("sip");
        if (!below(a, "5.0") && below(b, "5.0")) {
            return false; // 001: once on 5.0 or later, no image below 5.0 in either protocol
        }
        boolean b63 = !bSip && !below(b, "6.3") && below(b, "6.4");
        if (!bSip && !below(b, "6.0") && !b63 && ((aSip && below(a, "5.0")) || (!aSip && below(a, "6.0")))) {
            return false; // 001: SIP 4.x and earlier to SCCP 6.x+ through 6.3 (st20xx: from SCCP below 6.0 too)
        }
        if (!aSip && bSip && !below(b, "3.0") && below(b, "5.0")) {
            return false; // 001: SCCP to SIP 3.x/4.x through SIP 2.3
        }
        if (aSip && a.version().compareTo(Version.parse("2.1")) <= 0 && (!bSip || !below(b, "3.0"))) {
            return false; // 001: SIP 2.1 and earlier take only 8.3 names (SIP 2.x images)
        }
        if (aSip && !below(a, "5.0") && below(a, "7.0") && !bSip) {
            return false; // 002/003: no 7940/7960 way from SIP 5.x/6.x to SCCP; 001 goes through SIP 7.x
        }
        return !(aSip && below(a, "4.0") && !bSip && !below(b, "5.0")); // 002/003: SCCP 4.x before SCCP 5.x
    }

    @Property(tries = 600)
    void shippedCiscoMatrixPlansOnlyWhatTheSeedsAllow(@ForAll("ciscoCases") SeedCase c) {
        PhoneModel m = MATRIX.requireModel(c.model());
        Plan plan;
        try {
            plan = planner.plan(new PlanRequest(m, c.from(), Optional.empty(), c.target(), Optional.empty()));
        } catch (NoSafePlanException e) {
            return; // refusing is always safe
        }
        Load at = c.from();
        for (Hop hop : plan.hops()) {
            assertThat(ciscoSeedsAllowDirect(at, hop.to())).as("direct %s -> %s in %s", at, hop.to(), plan.hops()).isTrue();
            assertThat(hop.dsp()).isEmpty();
            assertThat(m.imageFormat(hop.to())).as("provision knows how %s is named", hop.to()).isPresent();
            at = hop.to();
        }
        assertThat(at).isEqualTo(plan.target());
    }

    @Property(tries = 300)
    void theSeedsRefuseWhatTheShippedCiscoRulesForbid(@ForAll("ciscoCases") SeedCase c) {
        PhoneModel m = MATRIX.requireModel(c.model());
        for (Release r : m.releases()) {
            assertThat(m.forbiddingRule(c.from(), r.load()).isEmpty())
                    .as("%s -> %s", c.from(), r.load()).isEqualTo(ciscoSeedsAllowDirect(c.from(), r.load()));
        }
    }

    // ---- generated matrices against brute force ----------------------------------------------

    record Scenario(PhoneModel model, Load from, Optional<String> dsp, Target target) {
        @Override
        public String toString() {
            return "from " + from + " dsp " + dsp + " to " + target + "\n compat " + model.compatibility()
                    + "\n releases " + model.releases().stream().map(Release::load).toList() + "\n rules " + model.rules();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(PlannerProperties::scenario);
    }

    private static Scenario scenario(Random r) {
        List<String> protocols = List.of("sip", "mgcp");
        boolean withDsp = r.nextInt(3) != 0;
        int dspCount = 1 + r.nextInt(4);
        Map<String, Dsp> dsps = new LinkedHashMap<>();
        for (int i = 0; withDsp && i < dspCount; i++) {
            dsps.put("d" + i, new Dsp("d" + i, "X_dsp_d" + i + ".zz", "d" + i));
        }
        List<Compatibility> compat = new ArrayList<>();
        for (String p : protocols) {
            for (int major = 1; major <= 4; major++) {
                if (r.nextInt(3) == 0) {
                    continue;
                }
                List<String> ids = new ArrayList<>();
                for (String id : dsps.keySet()) {
                    if (r.nextBoolean()) {
                        ids.add(id);
                    }
                }
                if (ids.isEmpty() && withDsp) {
                    ids.add("d" + r.nextInt(dspCount));
                }
                compat.add(new Compatibility(p, VersionRange.parse("[" + major + ".0, " + (major + 1) + ".0)"), ids));
            }
        }
        if (compat.isEmpty()) {
            compat.add(new Compatibility("sip", VersionRange.parse("[1.0, 2.0)"), withDsp ? List.of("d0") : List.of()));
        }
        List<Release> releases = new ArrayList<>();
        int count = 2 + r.nextInt(6);
        for (int i = 0; i < count * 3 && releases.size() < count; i++) {
            Compatibility c = compat.get(r.nextInt(compat.size()));
            Load load = new Load(c.protocol(), Version.parse(c.versions().lower().orElseThrow().part(0) + "." + r.nextInt(10)));
            if (releases.stream().noneMatch(x -> x.load().equals(load))) {
                releases.add(new Release(load, Optional.of("app-" + load), Optional.of("cfg-" + load), "generated"));
            }
        }
        List<Rule> rules = new ArrayList<>();
        int ruleCount = r.nextInt(4);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(new Rule("r" + i, selectors(r, 1), selectors(r, 1), r.nextBoolean(), selectors(r, 0), "generated",
                    "generated"));
        }
        PhoneModel model = new PhoneModel("GEN", "test", "st20xx", protocols, 2,
                List.of(new FilePattern(Optional.of("sip"), Pattern.compile("(?<version>x)"))), List.of(), List.of(),
                dsps, compat, releases, rules);
        Load from = releases.get(r.nextInt(releases.size())).load();
        List<Dsp> accepted = model.acceptedDsps(from);
        Optional<String> dsp = r.nextInt(4) == 0 || accepted.isEmpty() ? Optional.empty()
                : Optional.of(accepted.get(r.nextInt(accepted.size())).id());
        Target target;
        if (r.nextBoolean()) {
            target = new Target(protocols.get(r.nextInt(2)), Optional.empty());
        } else {
            Load t = releases.get(r.nextInt(releases.size())).load();
            target = new Target(t.protocol(), Optional.of(t.version()));
        }
        return new Scenario(model, from, dsp, target);
    }

    /** One to three selectors (at least {@code min}): a rule side matches any of them. */
    private static List<Selector> selectors(Random r, int min) {
        List<Selector> out = new ArrayList<>();
        int n = min + r.nextInt(3 - min + 1);
        for (int i = 0; i < n; i++) {
            out.add(selector(r));
        }
        return out;
    }

    private static Selector selector(Random r) {
        Optional<String> p = switch (r.nextInt(3)) {
            case 0 -> Optional.of("sip");
            case 1 -> Optional.of("mgcp");
            default -> Optional.empty();
        };
        int lo = 1 + r.nextInt(4);
        int hi = lo + 1 + r.nextInt(3);
        VersionRange range = switch (r.nextInt(3)) {
            case 0 -> VersionRange.parse("[" + lo + "." + r.nextInt(10) + ",)");
            case 1 -> VersionRange.parse("(," + hi + ".0)");
            default -> VersionRange.parse("[" + lo + ".0, " + hi + "." + r.nextInt(10) + ")");
        };
        return new Selector(p, range);
    }

    /** Cheapest (hops, DSP writes) over every load-simple path, by exhaustive search; null when none. */
    private static int[] bruteForce(PhoneModel m, Load from, String dsp, Load target) {
        int[][] best = {null};
        walk(m, from, dsp, target, new ArrayList<>(List.of(from)), 0, best);
        return best[0];
    }

    private static void walk(PhoneModel m, Load at, String dsp, Load target, List<Load> seen, int writes, int[][] best) {
        int hops = seen.size() - 1;
        if (at.equals(target)) {
            if (best[0] == null || hops < best[0][0] || (hops == best[0][0] && writes < best[0][1])) {
                best[0] = new int[] {hops, writes};
            }
            return;
        }
        for (Release r : m.releases()) {
            Load next = r.load();
            if (seen.contains(next) || m.forbiddingRule(at, next).isPresent()) {
                continue;
            }
            List<Dsp> dsps = m.hasDsp() ? m.acceptedDsps(next) : java.util.Collections.singletonList(null);
            for (Dsp d : dsps) {
                seen.add(next);
                int w = d == null || d.id().equals(dsp) ? 0 : 1;
                walk(m, next, d == null ? null : d.id(), target, seen, writes + w, best);
                seen.remove(seen.size() - 1);
            }
        }
    }

    @Property(tries = 600)
    void plansAreSafeChainedAndMinimal(@ForAll("scenarios") Scenario s) {
        PlanRequest request = new PlanRequest(s.model(), s.from(), s.dsp(), s.target(), Optional.empty());
        Plan plan;
        try {
            plan = planner.plan(request);
        } catch (NoSafePlanException e) {
            if (e.getMessage().contains("no safe plan")) {
                Load target = resolvedTarget(s);
                assertThat(bruteForce(s.model(), s.from(), s.dsp().orElse(null), target))
                        .as("planner refused but a path exists: %s", e.getMessage()).isNull();
            }
            return;
        }
        PhoneModel m = s.model();
        Load at = s.from();
        String startDsp = plan.fromDsp().map(Dsp::id).orElse(null);
        assertThat(startDsp).as("given DSP kept as the start").isEqualTo(s.dsp().orElse(startDsp));
        String dsp = startDsp;
        int writes = 0;
        for (Hop hop : plan.hops()) {
            if (!m.hasDsp()) {
                assertThat(hop.dsp()).as("no DSP state on a model without DSPs").isEmpty();
                assertThat(hop.dspWrite()).isFalse();
                assertThat(m.knows(hop.to())).as("reboot lands on a known load: %s", hop).isTrue();
                assertThat(m.forbiddingRule(at, hop.to())).as("no rule forbids %s -> %s", at, hop.to()).isEmpty();
                assertThat(hop.from()).isEqualTo(at);
                at = hop.to();
                continue;
            }
            String id = hop.dsp().orElseThrow().id();
            assertThat(m.compatible(hop.to(), id)).as("reboot lands on a compatible pair: %s", hop).isTrue();
            assertThat(m.forbiddingRule(at, hop.to())).as("no rule forbids %s -> %s", at, hop.to()).isEmpty();
            assertThat(hop.from()).isEqualTo(at);
            assertThat(hop.dspWrite()).isEqualTo(!id.equals(dsp));
            writes += hop.dspWrite() ? 1 : 0;
            at = hop.to();
            dsp = id;
        }
        assertThat(at).isEqualTo(plan.target());
        if (!plan.hops().isEmpty()) {
            int[] best = bruteForce(m, s.from(), startDsp, plan.target());
            assertThat(best).as("a plan exists, so brute force finds one").isNotNull();
            assertThat(plan.hops().size()).as("fewest reboots").isEqualTo(best[0]);
            assertThat(writes).as("then fewest flash writes").isEqualTo(best[1]);
        }
        assertThat(planner.plan(request)).as("deterministic").isEqualTo(plan);
    }

    @Property(tries = 400)
    void aRuleSideIsTheUnionOfItsSelectors(@ForAll("scenarios") Scenario s) {
        List<Load> loads = s.model().releases().stream().map(Release::load).toList();
        for (Rule rule : s.model().rules()) {
            for (Load a : loads) {
                for (Load b : loads) {
                    boolean covered = false;
                    for (Selector f : rule.from()) {
                        for (Selector t : rule.to()) {
                            covered |= new Rule("one", f, t, rule.bothWays(), Optional.empty(), "", "").forbids(a, b);
                        }
                    }
                    boolean bridged = rule.bridge().stream().anyMatch(x -> x.matches(a) || x.matches(b));
                    assertThat(rule.forbids(a, b)).as("%s: %s -> %s", rule, a, b).isEqualTo(covered && !bridged);
                }
            }
        }
    }

    private static Load resolvedTarget(Scenario s) {
        List<Load> matching = s.model().releases().stream().map(Release::load)
                .filter(l -> l.protocol().equals(s.target().protocol()))
                .filter(l -> s.target().version().map(v -> l.version().startsWith(v)).orElse(true))
                .sorted().toList();
        return matching.get(matching.size() - 1);
    }

    @Property(tries = 200)
    void theTargetIsTheNewestMatchingRelease(@ForAll("scenarios") Scenario s) {
        Plan plan;
        try {
            plan = planner.plan(new PlanRequest(s.model(), s.from(), s.dsp(), s.target(), Optional.empty()));
        } catch (NoSafePlanException e) {
            return;
        }
        if (!plan.hops().isEmpty()) {
            assertThat(plan.target()).isEqualTo(resolvedTarget(s));
        }
    }
}
