package org.st20xx.matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.st20xx.St20xxException;
import org.st20xx.yaml.DataFiles;
import org.st20xx.yaml.YamlChecker;
import org.st20xx.yaml.YamlList;
import org.st20xx.yaml.YamlMap;
import org.st20xx.yaml.YamlNode;
import org.st20xx.yaml.YamlScalar;
import org.st20xx.yaml.YamlTreeReader;

/**
 * Reads firmware-matrix.yaml and validates all of it before anything uses it: unknown keys, bad
 * or overlapping version ranges, DSP names no pattern recognises, releases outside every range,
 * dangling references. Every problem is reported as {@code file:line:col: what is wrong}.
 */
public final class MatrixLoader {
    /** Where the built-in matrix sits inside the jar. */
    public static final String BUILT_IN = "/st20xx/firmware-matrix.yaml";
    /** Environment variable naming a matrix file to use instead of the built-in one. */
    public static final String ENV = "ST20XX_MATRIX";

    private static final List<String> TOP_KEYS = List.of("schema", "models");
    private static final List<String> MODEL_KEYS = List.of("same_as", "vendor", "family", "protocols",
            "reboots_per_hop", "device_type", "files", "dsps", "compatibility", "images", "boot", "releases", "rules");
    private static final List<String> FILES_KEYS = List.of("application", "config", "dsp");
    private static final List<String> PATTERN_KEYS = List.of("protocol", "pattern");
    private static final List<String> DSP_KEYS = List.of("file", "label");
    private static final List<String> COMPAT_KEYS = List.of("protocol", "versions", "dsp");
    private static final List<String> RELEASE_KEYS = List.of("protocol", "version", "app", "config", "source");
    private static final List<String> RULE_KEYS = List.of("name", "forbid", "both_ways", "bridge", "reason", "source",
            "fails_as", "display");
    private static final List<String> FORBID_KEYS = List.of("from", "to");
    private static final List<String> SELECTOR_KEYS = List.of("protocol", "versions");
    private static final List<String> IMAGE_KEYS = List.of("protocol", "versions", "name", "loader", "fetch", "example",
            "source");
    private static final List<String> RENAME_KEYS = List.of("replace", "with");
    private static final List<String> FETCH_KEYS = List.of("file", "from");
    private static final List<String> BOOT_KEYS = List.of("requests", "decides_after", "short_names", "source");
    private static final List<String> REQUEST_KEYS = List.of("file", "kind", "image_only", "if_missing", "element");
    private static final List<String> DECISION_KEYS = List.of("versions", "file");
    private static final Pattern PROTOCOL_NAME = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)\\}");

    private MatrixLoader() {
    }

    /**
     * The matrix to use: {@code explicit} when given, else the file named by {@value #ENV}, else
     * {@code firmware-matrix.yaml} in the current directory when present, else the built-in one.
     */
    public static Matrix resolve(Path explicit) {
        return build(DataFiles.resolve(explicit, DataFiles.fromEnvironment(ENV), Path.of("firmware-matrix.yaml"), BUILT_IN,
                "matrix file"));
    }

    public static Matrix loadBuiltIn() {
        return build(DataFiles.builtIn(BUILT_IN, "firmware-matrix.yaml", "matrix file"));
    }

    public static Matrix load(Path file, String displayName) {
        return build(DataFiles.read(file, displayName, "matrix file"));
    }

    private static Matrix build(DataFiles.Source source) {
        return build(source.tree(), source.name());
    }

    public static Matrix parse(String yaml, String displayName) {
        return build(YamlTreeReader.read(yaml, displayName), displayName);
    }

    private static Matrix build(YamlNode root, String displayName) {
        YamlChecker check = new YamlChecker();
        Map<String, PhoneModel> models = new LinkedHashMap<>();
        check.map(root, "the matrix").ifPresent(top -> {
            check.allowOnly(top, TOP_KEYS, "the matrix");
            Optional<String> schema = check.requiredText(top, "schema", "the matrix");
            if (schema.isPresent() && !schema.get().equals("1")) {
                check.problem(YamlChecker.at(top, "schema"), "schema " + schema.get()
                        + " is not supported (this st20xx reads schema 1)");
            }
            if (!top.has("models")) {
                check.problem(top.location(), "the matrix needs 'models'");
            }
            top.get("models").flatMap(n -> check.map(n, "'models'")).ifPresent(ms -> {
                if (ms.entries().isEmpty()) {
                    check.problem(ms.location(), "'models' lists no model");
                }
                Map<String, PhoneModel> built = new HashMap<>();
                ms.entries().forEach((name, node) -> {
                    if (!isCopy(node)) {
                        model(check, name, node).ifPresent(m -> built.put(name, m));
                    }
                });
                ms.entries().forEach((name, node) -> {
                    if (isCopy(node)) {
                        copy(check, ms, name, node).ifPresent(m -> built.put(name, m));
                    }
                });
                ms.entries().keySet().stream().filter(built::containsKey).forEach(n -> models.put(n, built.get(n)));
            });
        });
        check.throwIfAny();
        return new Matrix(displayName, models);
    }

    private static Optional<PhoneModel> model(YamlChecker check, String name, YamlNode node) {
        Optional<YamlMap> maybe = check.map(node, "model " + name);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMap m = maybe.get();
        String where = "model " + name;
        check.allowOnly(m, MODEL_KEYS, where);
        String vendor = check.requiredText(m, "vendor", where).orElse("");
        String family = check.requiredText(m, "family", where).orElse("");
        List<String> protocols = check.textList(m, "protocols", where);
        if (protocols.isEmpty()) {
            check.problem(YamlChecker.at(m, "protocols"), where + " needs 'protocols' (e.g. [sip, mgcp])");
        }
        for (String p : protocols) {
            if (!PROTOCOL_NAME.matcher(p).matches()) {
                check.problem(YamlChecker.at(m, "protocols"), "protocol '" + p + "' must be a lower-case word (sip, mgcp, sccp)");
            }
        }
        int reboots = 1;
        Optional<String> r = check.optionalText(m, "reboots_per_hop", where);
        if (r.isPresent()) {
            if (r.get().matches("[1-9]")) {
                reboots = Integer.parseInt(r.get());
            } else {
                check.problem(YamlChecker.at(m, "reboots_per_hop"), "'reboots_per_hop' must be a number from 1 to 9");
            }
        }
        Optional<String> deviceType = check.optionalText(m, "device_type", where);
        Ctx ctx = new Ctx(check, name, Set.copyOf(protocols));

        List<FilePattern> apps = new ArrayList<>();
        List<FilePattern> configs = new ArrayList<>();
        List<FilePattern> dspPatterns = new ArrayList<>();
        m.get("files").flatMap(n -> check.map(n, "'files' of " + where)).ifPresent(files -> {
            check.allowOnly(files, FILES_KEYS, "'files' of " + where);
            apps.addAll(patterns(ctx, files, "application", true));
            configs.addAll(patterns(ctx, files, "config", true));
            dspPatterns.addAll(patterns(ctx, files, "dsp", false));
        });
        if (!m.has("files") && !m.has("images")) {
            check.problem(m.location(), where + " needs 'files' (the patterns that recognise its file names)"
                    + " or 'images' (how its images are named)");
        }

        Map<String, Dsp> dsps = new LinkedHashMap<>();
        m.get("dsps").flatMap(n -> check.map(n, "'dsps' of " + where)).ifPresent(ds -> ds.entries().forEach((id, dn) -> {
            String dw = "DSP " + id + " of " + where;
            check.map(dn, dw).ifPresent(d -> {
                check.allowOnly(d, DSP_KEYS, dw);
                Optional<String> file = check.requiredText(d, "file", dw);
                String label = check.optionalText(d, "label", dw).orElse(id);
                file.ifPresent(f -> {
                    if (!PhoneModel.matchesAny(dspPatterns, f)) {
                        check.problem(YamlChecker.at(d, "file"), "DSP file name '" + f
                                + "' matches no 'files: dsp' pattern of " + name);
                    }
                    dsps.put(id, new Dsp(id, f, label));
                });
            });
        }));

        List<Compatibility> compat = new ArrayList<>();
        List<YamlNode.Location> compatAt = new ArrayList<>();
        for (YamlNode cn : items(check, m, "compatibility", where)) {
            String cw = "a compatibility entry of " + name;
            check.map(cn, cw).ifPresent(c -> {
                check.allowOnly(c, COMPAT_KEYS, cw);
                Optional<String> proto = protocol(ctx, c, cw, true);
                Optional<VersionRange> range = range(ctx, c, "versions", cw, true);
                List<String> ids = check.textList(c, "dsp", cw);
                if (!dsps.isEmpty() && ids.isEmpty()) {
                    check.problem(c.location(), cw + " needs 'dsp' (the DSPs this range accepts)");
                }
                for (String id : ids) {
                    if (!dsps.containsKey(id)) {
                        check.problem(YamlChecker.at(c, "dsp"), "unknown DSP '" + id + "' (" + name + " has: "
                                + String.join(", ", dsps.keySet()) + ")");
                    }
                }
                if (proto.isPresent() && range.isPresent()) {
                    for (int i = 0; i < compat.size(); i++) {
                        Compatibility other = compat.get(i);
                        if (other.protocol().equals(proto.get()) && other.versions().overlaps(range.get())) {
                            check.problem(YamlChecker.at(c, "versions"), "version range " + range.get()
                                    + " overlaps " + other.versions() + " (line " + compatAt.get(i).line()
                                    + ") for " + proto.get().toUpperCase());
                        }
                    }
                    compat.add(new Compatibility(proto.get(), range.get(), ids));
                    compatAt.add(c.location());
                }
            });
        }
        if (compat.isEmpty() && !m.has("compatibility")) {
            check.problem(m.location(), where + " needs 'compatibility' (which versions it runs, and with which DSP)");
        }

        List<ImageFormat> images = images(ctx, m, where);
        Map<String, BootProfile> boot = boot(ctx, m, where, deviceType);
        java.util.function.Function<String, Optional<Load>> appLoad = file -> PhoneModel.applicationLoad(apps, images, file);
        java.util.function.Function<String, Optional<Load>> configLoad = file -> PhoneModel.loadOf(configs, file);

        List<Release> releases = new ArrayList<>();
        Set<Load> seen = new HashSet<>();
        for (YamlNode rn : items(check, m, "releases", where)) {
            String rw = "a release of " + name;
            check.map(rn, rw).ifPresent(rm -> {
                check.allowOnly(rm, RELEASE_KEYS, rw);
                Optional<String> proto = protocol(ctx, rm, rw, true);
                Optional<Version> version = check.requiredText(rm, "version", rw).flatMap(v -> {
                    if (Version.isVersion(v)) {
                        return Optional.of(Version.parse(v));
                    }
                    check.problem(YamlChecker.at(rm, "version"), "'" + v + "' is not a version (e.g. 1.66.2)");
                    return Optional.empty();
                });
                Optional<String> app = check.optionalText(rm, "app", rw);
                Optional<String> config = check.optionalText(rm, "config", rw);
                String source = check.requiredText(rm, "source", rw).orElse("");
                if (proto.isEmpty() || version.isEmpty()) {
                    return;
                }
                Load load = new Load(proto.get(), version.get());
                if (!seen.add(load)) {
                    check.problem(rm.location(), "release " + load + " is listed twice");
                }
                if (compat.stream().noneMatch(c -> c.covers(load))) {
                    check.problem(YamlChecker.at(rm, "version"), "release " + load
                            + " lies in no 'compatibility' range of " + name);
                }
                app.ifPresent(a -> checkNamed(check, rm, "app", a, appLoad, load, "application"));
                config.ifPresent(a -> checkNamed(check, rm, "config", a, configLoad, load, "config"));
                if (!images.isEmpty() && images.stream().noneMatch(f -> f.covers(load))) {
                    check.problem(YamlChecker.at(rm, "version"), "release " + load + " lies in no 'images' range of "
                            + name + " (how would its image be named?)");
                }
                boot.values().stream().filter(b -> b.protocol().equals(load.protocol()))
                        .filter(b -> b.decisionPoint(load.version()).isEmpty()).forEach(b -> check.problem(
                                YamlChecker.at(rm, "version"), "release " + load + " lies in no 'decides_after' range of"
                                        + " the " + load.protocol() + " boot profile of " + name));
                releases.add(new Release(load, app, config, source));
            });
        }

        List<Rule> rules = new ArrayList<>();
        Set<String> ruleNames = new HashSet<>();
        for (YamlNode rn : items(check, m, "rules", where)) {
            String rw = "a rule of " + name;
            check.map(rn, rw).ifPresent(rm -> {
                check.allowOnly(rm, RULE_KEYS, rw);
                String ruleName = check.requiredText(rm, "name", rw).orElse("?");
                String rw2 = "rule " + ruleName + " of " + name;
                if (!ruleNames.add(ruleName)) {
                    check.problem(YamlChecker.at(rm, "name"), "rule name '" + ruleName + "' is used twice");
                }
                boolean both = check.optionalBoolean(rm, "both_ways", rw2, false);
                String reason = check.requiredText(rm, "reason", rw2).orElse("");
                String source = check.requiredText(rm, "source", rw2).orElse("");
                Optional<List<Selector>> bridge = rm.get("bridge").flatMap(b -> selectors(ctx, b, "'bridge' of " + rw2));
                Rule.Failure failure = failure(check, rm, rw2);
                if (!rm.has("forbid")) {
                    check.problem(rm.location(), rw2 + " needs 'forbid: { from: ..., to: ... }'");
                    return;
                }
                check.map(rm.get("forbid").get(), "'forbid' of " + rw2).ifPresent(f -> {
                    check.allowOnly(f, FORBID_KEYS, "'forbid' of " + rw2);
                    Optional<List<Selector>> from = f.get("from").flatMap(n -> selectors(ctx, n, "'from' of " + rw2));
                    Optional<List<Selector>> to = f.get("to").flatMap(n -> selectors(ctx, n, "'to' of " + rw2));
                    if (!f.has("from") || !f.has("to")) {
                        check.problem(f.location(), "'forbid' of " + rw2 + " needs both 'from' and 'to'");
                    }
                    if (from.isPresent() && to.isPresent() && (bridge.isPresent() || !rm.has("bridge"))) {
                        rules.add(new Rule(ruleName, from.get(), to.get(), both, bridge.orElse(List.of()), reason, source,
                                failure));
                    }
                });
            });
        }

        return Optional.of(new PhoneModel(name, vendor, family, protocols, reboots, apps, configs, dspPatterns,
                dsps, compat, releases, rules, images, boot, deviceType));
    }

    /** {@code fails_as} (bricked, refused, state-error) and {@code display}: what a phone does if it is tried. */
    private static Rule.Failure failure(YamlChecker check, YamlMap rm, String where) {
        Optional<String> word = check.optionalText(rm, "fails_as", where);
        Optional<String> display = check.optionalText(rm, "display", where);
        Optional<Rule.Failure.Kind> kind = word.map(w -> Rule.Failure.Kind.parse(w).orElse(null));
        if (word.isPresent() && kind.isEmpty()) {
            check.problem(YamlChecker.at(rm, "fails_as"), "'fails_as' of " + where + " must be one of "
                    + java.util.Arrays.stream(Rule.Failure.Kind.values()).map(Rule.Failure.Kind::word).toList());
            return Rule.Failure.BRICKED;
        }
        Rule.Failure.Kind k = kind.orElse(Rule.Failure.Kind.BRICKED);
        if (k == Rule.Failure.Kind.BRICKED && display.isPresent()) {
            check.problem(YamlChecker.at(rm, "display"), "'display' of " + where + ": a bricked phone shows nothing"
                    + " (give 'fails_as: refused' or 'state-error')");
            return Rule.Failure.BRICKED;
        }
        return new Rule.Failure(k, display);
    }

    private record Ctx(YamlChecker check, String model, Set<String> protocols) {
    }

    private static List<YamlNode> items(YamlChecker check, YamlMap m, String key, String where) {
        return m.get(key).flatMap(n -> check.list(n, "'" + key + "' of " + where)).map(YamlList::items)
                .orElse(List.of());
    }

    private static void checkNamed(YamlChecker check, YamlMap rm, String key, String file,
            java.util.function.Function<String, Optional<Load>> reader, Load load, String kind) {
        Optional<Load> read = reader.apply(file);
        if (read.isEmpty()) {
            check.problem(YamlChecker.at(rm, key), "'" + file + "' matches no '" + kind + "' pattern"
                    + (kind.equals("application") ? " nor is it the primary file of an 'images' format" : ""));
        } else if (!read.get().equals(load)) {
            check.problem(YamlChecker.at(rm, key), "'" + file + "' reads as " + read.get() + ", not " + load);
        }
    }

    private static List<FilePattern> patterns(Ctx ctx, YamlMap files, String key, boolean needProtocol) {
        List<FilePattern> out = new ArrayList<>();
        String where = "'files: " + key + "' of " + ctx.model();
        for (YamlNode pn : items(ctx.check(), files, key, "'files' of " + ctx.model())) {
            ctx.check().map(pn, where).ifPresent(p -> {
                ctx.check().allowOnly(p, needProtocol ? PATTERN_KEYS : List.of("pattern"), where);
                Optional<String> proto = needProtocol ? protocol(ctx, p, where, true) : Optional.empty();
                ctx.check().requiredText(p, "pattern", where).ifPresent(text ->
                        regex(ctx, p.get("pattern").orElseThrow(), text).ifPresent(compiled -> {
                            if (needProtocol && !FilePattern.readsVersion(text)) {
                                ctx.check().problem(YamlChecker.at(p, "pattern"),
                                        "pattern must read the version with a group (?<version>...) or (?<v1>...)");
                            } else if (!needProtocol || proto.isPresent()) {
                                out.add(new FilePattern(proto, compiled));
                            }
                        }));
            });
        }
        return out;
    }

    private static Optional<String> protocol(Ctx ctx, YamlMap map, String where, boolean required) {
        Optional<String> p = required ? ctx.check().requiredText(map, "protocol", where)
                : ctx.check().optionalText(map, "protocol", where);
        if (p.isPresent() && !ctx.protocols().contains(p.get())) {
            ctx.check().problem(YamlChecker.at(map, "protocol"), "protocol '" + p.get() + "' is not one of "
                    + ctx.model() + "'s protocols " + ctx.protocols().stream().sorted().toList());
            return Optional.empty();
        }
        return p;
    }

    private static Optional<VersionRange> range(Ctx ctx, YamlMap map, String key, String where, boolean required) {
        Optional<String> text = required ? ctx.check().requiredText(map, key, where)
                : ctx.check().optionalText(map, key, where);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(VersionRange.parse(text.get()));
        } catch (IllegalArgumentException e) {
            ctx.check().problem(YamlChecker.at(map, key), "bad version range: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Selector> selector(Ctx ctx, YamlNode node, String where) {
        return ctx.check().map(node, where).flatMap(s -> {
            ctx.check().allowOnly(s, SELECTOR_KEYS, where);
            if (s.entries().isEmpty()) {
                ctx.check().problem(s.location(), where + " selects everything: give a protocol or versions");
            }
            boolean protocolOk = !s.has("protocol") || protocol(ctx, s, where, false).isPresent();
            Optional<VersionRange> r = s.has("versions") ? range(ctx, s, "versions", where, false)
                    : Optional.of(VersionRange.ANY);
            if (!protocolOk || r.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Selector(ctx.check().optionalText(s, "protocol", where), r.get()));
        });
    }

    /** A selector, or a list of selectors of which any may match. */
    private static Optional<List<Selector>> selectors(Ctx ctx, YamlNode node, String where) {
        if (node instanceof YamlList list) {
            if (list.items().isEmpty()) {
                ctx.check().problem(list.location(), where + " lists no selector");
                return Optional.empty();
            }
            List<Selector> out = new ArrayList<>();
            boolean ok = true;
            for (YamlNode item : list.items()) {
                Optional<Selector> s = selector(ctx, item, where);
                ok &= s.isPresent();
                s.ifPresent(out::add);
            }
            return ok ? Optional.of(out) : Optional.empty();
        }
        return selector(ctx, node, where).map(List::of);
    }

    private static boolean isCopy(YamlNode node) {
        return node instanceof YamlMap m && m.has("same_as");
    }

    /**
     * The model written {@code same_as: OTHER}, checked with OTHER's keys it does not give itself.
     * A problem in those keys that OTHER's check already reported (the same place, the same words
     * but for the model's name) is not reported again.
     */
    private static Optional<PhoneModel> copy(YamlChecker check, YamlMap models, String name, YamlNode node) {
        YamlChecker own = new YamlChecker();
        Optional<PhoneModel> built = sameAs(own, models, name, node).flatMap(merged -> model(own, name, merged));
        String base = ((YamlMap) node).get("same_as").filter(n -> n instanceof YamlScalar)
                .map(n -> ((YamlScalar) n).text()).orElse(name);
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])");
        for (org.st20xx.InputProblem p : own.problems()) {
            String asBase = named.matcher(p.message()).replaceAll(java.util.regex.Matcher.quoteReplacement(base));
            if (!check.problems().contains(new org.st20xx.InputProblem(p.file(), p.line(), p.column(), asBase))) {
                check.problem(new YamlNode.Location(p.file(), p.line(), p.column()), p.message());
            }
        }
        return built;
    }

    /**
     * A model written {@code same_as: OTHER} takes every key of OTHER it does not give itself (the
     * 7940 is the 7960 with another device type). OTHER must be a model of this file without same_as.
     */
    private static Optional<YamlNode> sameAs(YamlChecker check, YamlMap models, String name, YamlNode node) {
        YamlMap m = (YamlMap) node;
        Optional<String> other = check.optionalText(m, "same_as", "model " + name);
        if (other.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlNode> base = models.get(other.get());
        if (base.isEmpty() || !(base.get() instanceof YamlMap b) || b.has("same_as") || other.get().equals(name)) {
            check.problem(YamlChecker.at(m, "same_as"), "'same_as: " + other.get() + "' of model " + name
                    + " must name another model of this file that has no 'same_as' itself (models: "
                    + String.join(", ", models.entries().keySet()) + ")");
            return Optional.empty();
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>(b.entries());
        Map<String, YamlNode.Location> keys = new HashMap<>();
        b.entries().keySet().forEach(k -> keys.put(k, b.keyLocation(k)));
        m.entries().forEach((k, v) -> {
            if (!k.equals("same_as")) {
                entries.put(k, v);
                keys.put(k, m.keyLocation(k));
            }
        });
        return Optional.of(new YamlMap(entries, keys, m.location()));
    }

    private static Optional<Pattern> regex(Ctx ctx, YamlNode at, String text) {
        try {
            return Optional.of(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            ctx.check().problem(at.location(), "bad regular expression: " + e.getDescription() + " near index "
                    + e.getIndex());
            return Optional.empty();
        }
    }

    private static List<ImageFormat> images(Ctx ctx, YamlMap m, String where) {
        YamlChecker check = ctx.check();
        List<ImageFormat> out = new ArrayList<>();
        List<YamlNode.Location> at = new ArrayList<>();
        for (YamlNode node : items(check, m, "images", where)) {
            String iw = "an image format of " + ctx.model();
            check.map(node, iw).ifPresent(im -> {
                check.allowOnly(im, IMAGE_KEYS, iw);
                Optional<String> proto = protocol(ctx, im, iw, true);
                Optional<VersionRange> range = range(ctx, im, "versions", iw, true);
                String source = check.requiredText(im, "source", iw).orElse("");
                Optional<String> example = check.requiredText(im, "example", iw);
                List<Pattern> names = new ArrayList<>();
                List<String> nameTexts = check.textList(im, "name", iw);
                if (nameTexts.isEmpty()) {
                    check.problem(YamlChecker.at(im, "name"), iw + " needs 'name': the regular expression(s) image"
                            + " names match, reading the version with (?<v1>...), (?<v2>...)");
                }
                for (String text : nameTexts) {
                    if (!FilePattern.readsVersion(text)) {
                        check.problem(YamlChecker.at(im, "name"), "image name pattern '" + text
                                + "' must read the version with groups (?<v1>...), (?<v2>...) or (?<version>...)");
                    } else {
                        regex(ctx, im.get("name").orElseThrow(), text).ifPresent(names::add);
                    }
                }
                Optional<ImageFormat.Rename> loader = im.get("loader").flatMap(n -> check.map(n, "'loader' of " + iw))
                        .flatMap(l -> {
                            check.allowOnly(l, RENAME_KEYS, "'loader' of " + iw);
                            Optional<Pattern> match = check.requiredText(l, "replace", "'loader' of " + iw)
                                    .flatMap(t -> regex(ctx, l.get("replace").orElseThrow(), t));
                            Optional<String> with = check.requiredText(l, "with", "'loader' of " + iw);
                            return match.isPresent() && with.isPresent()
                                    ? Optional.of(new ImageFormat.Rename(match.get(), with.get())) : Optional.empty();
                        });
                List<ImageFormat.Fetch> fetch = fetchList(ctx, im, iw, loader.isPresent() || !im.has("loader"),
                        im.has("loader"));
                if (proto.isEmpty() || range.isEmpty() || names.size() != nameTexts.size() || nameTexts.isEmpty()
                        || fetch.isEmpty() || example.isEmpty() || (im.has("loader") && loader.isEmpty())) {
                    return;
                }
                ImageFormat format = new ImageFormat(proto.get(), range.get(), names, loader, fetch, example.get(), source);
                if (format.loadOf(example.get()).isEmpty()) {
                    check.problem(YamlChecker.at(im, "example"), "example '" + example.get() + "' is not read by the"
                            + " 'name' pattern(s) as a " + proto.get().toUpperCase() + " version in " + range.get());
                }
                for (int i = 0; i < out.size(); i++) {
                    ImageFormat other = out.get(i);
                    if (other.protocol().equals(proto.get()) && other.versions().overlaps(range.get())) {
                        check.problem(YamlChecker.at(im, "versions"), "image format range " + range.get() + " overlaps "
                                + other.versions() + " (line " + at.get(i).line() + ") for " + proto.get().toUpperCase());
                    }
                }
                out.add(format);
                at.add(im.location());
            });
        }
        return out;
    }

    private static List<ImageFormat.Fetch> fetchList(Ctx ctx, YamlMap im, String iw, boolean loaderOk, boolean hasLoader) {
        YamlChecker check = ctx.check();
        List<ImageFormat.Fetch> out = new ArrayList<>();
        List<YamlNode> items = items(check, im, "fetch", iw);
        if (items.isEmpty()) {
            check.problem(YamlChecker.at(im, "fetch"), iw + " needs 'fetch': the files the phone fetches, e.g. [\"{image}.bin\"]");
            return out;
        }
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String fw = "a 'fetch' item of " + iw;
            Optional<String> template;
            Optional<Selector> from = Optional.empty();
            if (item instanceof YamlScalar sc && !sc.isNull()) {
                template = Optional.of(sc.text());
            } else {
                Optional<YamlMap> fm = check.map(item, fw);
                if (fm.isEmpty()) {
                    ok = false;
                    continue;
                }
                check.allowOnly(fm.get(), FETCH_KEYS, fw);
                template = check.requiredText(fm.get(), "file", fw);
                if (fm.get().has("from")) {
                    from = selector(ctx, fm.get().get("from").orElseThrow(), "'from' of " + fw);
                    ok &= from.isPresent();
                }
            }
            if (template.isEmpty()) {
                ok = false;
                continue;
            }
            for (String ph : placeholders(template.get())) {
                if (!ph.equals("image") && !ph.equals("loader")) {
                    check.problem(item.location(), "unknown placeholder {" + ph + "} in '" + template.get()
                            + "' (use {image} or {loader})");
                    ok = false;
                } else if (ph.equals("loader") && !hasLoader) {
                    check.problem(item.location(), "'" + template.get() + "' uses {loader} but " + iw
                            + " has no 'loader'");
                    ok = false;
                }
            }
            if (i == 0 && (from.isPresent() || !template.get().contains("{image}"))) {
                check.problem(item.location(), "the first 'fetch' item is the image's primary file: it must name"
                        + " {image} and be fetched whatever the phone runs (no 'from')");
                ok = false;
            }
            out.add(new ImageFormat.Fetch(template.get(), from));
        }
        return ok && loaderOk ? out : List.of();
    }

    private static List<String> placeholders(String template) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Map<String, BootProfile> boot(Ctx ctx, YamlMap m, String where, Optional<String> deviceType) {
        YamlChecker check = ctx.check();
        Map<String, BootProfile> out = new LinkedHashMap<>();
        Optional<YamlMap> bootMap = m.get("boot").flatMap(n -> check.map(n, "'boot' of " + where));
        if (bootMap.isEmpty()) {
            return out;
        }
        for (String p : ctx.protocols()) {
            if (!bootMap.get().has(p)) {
                check.problem(bootMap.get().location(), "'boot' of " + where + " needs a profile for every protocol;"
                        + " '" + p + "' is missing");
            }
        }
        bootMap.get().entries().forEach((proto, node) -> {
            String bw = "the " + proto + " boot profile of " + ctx.model();
            if (!ctx.protocols().contains(proto)) {
                check.problem(bootMap.get().keyLocation(proto), "'boot' names protocol '" + proto + "', not one of "
                        + ctx.model() + "'s protocols " + ctx.protocols().stream().sorted().toList());
                return;
            }
            check.map(node, bw).ifPresent(bm -> {
                check.allowOnly(bm, BOOT_KEYS, bw);
                String source = check.requiredText(bm, "source", bw).orElse("");
                List<BootRequest> requests = new ArrayList<>();
                boolean ok = true;
                List<YamlNode> reqNodes = items(check, bm, "requests", bw);
                if (reqNodes.isEmpty()) {
                    check.problem(YamlChecker.at(bm, "requests"), bw + " needs 'requests': the files the phone asks for");
                    ok = false;
                }
                for (YamlNode rn : reqNodes) {
                    Optional<BootRequest> r = request(ctx, rn, bw, requests, deviceType);
                    ok &= r.isPresent();
                    r.ifPresent(requests::add);
                }
                List<BootProfile.Decision> decisions = new ArrayList<>();
                for (YamlNode dn : items(check, bm, "decides_after", bw)) {
                    String dw = "a 'decides_after' entry of " + bw;
                    Optional<YamlMap> dm = check.map(dn, dw);
                    if (dm.isEmpty()) {
                        ok = false;
                        continue;
                    }
                    check.allowOnly(dm.get(), DECISION_KEYS, dw);
                    Optional<VersionRange> vr = range(ctx, dm.get(), "versions", dw, true);
                    Optional<String> named = check.requiredText(dm.get(), "file", dw);
                    Optional<String> file = named.filter(f -> requests.stream()
                            .anyMatch(r -> r.file().equals(f) && r.kind().namesImage()));
                    if (named.isPresent() && file.isEmpty()) {
                        check.problem(YamlChecker.at(dm.get(), "file"), "'" + named.get() + "' is not a request of "
                                + bw + " that names an image");
                    }
                    for (BootProfile.Decision d : decisions) {
                        if (vr.isPresent() && d.versions().overlaps(vr.get())) {
                            check.problem(YamlChecker.at(dm.get(), "versions"), "range " + vr.get() + " overlaps "
                                    + d.versions() + " in 'decides_after' of " + bw);
                        }
                    }
                    if (vr.isPresent() && file.isPresent()) {
                        decisions.add(new BootProfile.Decision(vr.get(), file.get()));
                    } else {
                        ok = false;
                    }
                }
                if (!bm.has("decides_after")) {
                    check.problem(bm.location(), bw + " needs 'decides_after': after which request the phone acts on"
                            + " the image the files name");
                }
                Optional<VersionRange> shortNames = range(ctx, bm, "short_names", bw, false);
                if (ok) {
                    out.put(proto, new BootProfile(proto, requests, decisions, shortNames, source));
                }
            });
        });
        return out;
    }

    private static Optional<BootRequest> request(Ctx ctx, YamlNode rn, String bw, List<BootRequest> earlier,
            Optional<String> deviceType) {
        YamlChecker check = ctx.check();
        String rw = "a request of " + bw;
        Optional<YamlMap> rm = check.map(rn, rw);
        if (rm.isEmpty()) {
            return Optional.empty();
        }
        check.allowOnly(rm.get(), REQUEST_KEYS, rw);
        Optional<String> file = check.requiredText(rm.get(), "file", rw);
        Optional<BootFileKind> kind = check.requiredText(rm.get(), "kind", rw).flatMap(k -> {
            Optional<BootFileKind> parsed = BootFileKind.parse(k);
            if (parsed.isEmpty()) {
                check.problem(YamlChecker.at(rm.get(), "kind"), "unknown kind '" + k + "' (one of "
                        + java.util.Arrays.stream(BootFileKind.values()).map(BootFileKind::word).toList() + ")");
            }
            return parsed;
        });
        boolean ok = file.isPresent() && kind.isPresent();
        if (file.isPresent()) {
            for (String ph : placeholders(file.get())) {
                if (!("{" + ph + "}").equals(BootRequest.MAC)) {
                    check.problem(YamlChecker.at(rm.get(), "file"), "unknown placeholder {" + ph + "} in '"
                            + file.get() + "' (use {MAC})");
                    ok = false;
                }
            }
            if (earlier.stream().anyMatch(r -> r.file().equals(file.get()))) {
                check.problem(YamlChecker.at(rm.get(), "file"), "'" + file.get() + "' is requested twice in " + bw);
                ok = false;
            }
        }
        Optional<VersionRange> imageOnly = range(ctx, rm.get(), "image_only", rw, false);
        Optional<String> ifMissing = check.optionalText(rm.get(), "if_missing", rw);
        if (ifMissing.isPresent() && earlier.stream().noneMatch(r -> r.file().equals(ifMissing.get()))) {
            check.problem(YamlChecker.at(rm.get(), "if_missing"), "'if_missing: " + ifMissing.get()
                    + "' must name an earlier request of " + bw);
            ok = false;
        }
        Optional<String> element = check.optionalText(rm.get(), "element", rw);
        if (element.isPresent() && kind.isPresent() && kind.get() != BootFileKind.SCCP_XML) {
            check.problem(YamlChecker.at(rm.get(), "element"), "'element' is only for kind sccp-xml");
            ok = false;
        }
        if (element.isPresent() && element.get().contains(BootRequest.DEVICE_TYPE) && deviceType.isEmpty()) {
            check.problem(YamlChecker.at(rm.get(), "element"), "'" + element.get() + "' uses "
                    + BootRequest.DEVICE_TYPE + " but model " + ctx.model() + " has no 'device_type'");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new BootRequest(file.get(), kind.get(), imageOnly, ifMissing,
                element.orElse("loadInformation")));
    }
}
