package org.st20xx.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.st20xx.St20xxException;
import org.st20xx.yaml.YamlChecker;
import org.st20xx.yaml.YamlList;
import org.st20xx.yaml.YamlMap;
import org.st20xx.yaml.YamlNode;
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
    private static final List<String> MODEL_KEYS = List.of("vendor", "family", "protocols", "reboots_per_hop",
            "files", "dsps", "compatibility", "releases", "rules");
    private static final List<String> FILES_KEYS = List.of("application", "config", "dsp");
    private static final List<String> PATTERN_KEYS = List.of("protocol", "pattern");
    private static final List<String> DSP_KEYS = List.of("file", "label");
    private static final List<String> COMPAT_KEYS = List.of("protocol", "versions", "dsp");
    private static final List<String> RELEASE_KEYS = List.of("protocol", "version", "app", "config", "source");
    private static final List<String> RULE_KEYS = List.of("name", "forbid", "both_ways", "bridge", "reason", "source");
    private static final List<String> FORBID_KEYS = List.of("from", "to");
    private static final List<String> SELECTOR_KEYS = List.of("protocol", "versions");
    private static final Pattern PROTOCOL_NAME = Pattern.compile("[a-z][a-z0-9]*");

    private MatrixLoader() {
    }

    /**
     * The matrix to use: {@code explicit} when given, else the file named by {@value #ENV}, else
     * {@code firmware-matrix.yaml} in the current directory when present, else the built-in one.
     */
    public static Matrix resolve(Path explicit) {
        if (explicit != null) {
            return load(explicit, explicit.toString());
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return load(Path.of(env), env);
        }
        Path local = Path.of("firmware-matrix.yaml");
        if (Files.isRegularFile(local)) {
            return load(local, "firmware-matrix.yaml");
        }
        return loadBuiltIn();
    }

    public static Matrix loadBuiltIn() {
        try (InputStream in = MatrixLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in firmware matrix is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "firmware-matrix.yaml (built-in)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in firmware matrix", e);
        }
    }

    public static Matrix load(Path file, String displayName) {
        if (!Files.isRegularFile(file)) {
            throw St20xxException.usage(displayName + ": no such matrix file");
        }
        return build(YamlTreeReader.read(file, displayName), displayName);
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
                ms.entries().forEach((name, node) -> model(check, name, node).ifPresent(m -> models.put(name, m)));
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
        if (!m.has("files")) {
            check.problem(m.location(), where + " needs 'files' (the patterns that recognise its file names)");
        }

        Map<String, Dsp> dsps = new LinkedHashMap<>();
        m.get("dsps").flatMap(n -> check.map(n, "'dsps' of " + where)).ifPresent(ds -> ds.entries().forEach((id, dn) -> {
            String dw = "DSP " + id + " of " + where;
            check.map(dn, dw).ifPresent(d -> {
                check.allowOnly(d, DSP_KEYS, dw);
                Optional<String> file = check.requiredText(d, "file", dw);
                String label = check.optionalText(d, "label", dw).orElse(id);
                file.ifPresent(f -> {
                    if (dspPatterns.stream().noneMatch(p -> p.matches(f))) {
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
                app.ifPresent(a -> checkNamed(check, rm, "app", a, apps, load, "application"));
                config.ifPresent(a -> checkNamed(check, rm, "config", a, configs, load, "config"));
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
                Optional<Selector> bridge = rm.get("bridge").flatMap(b -> selector(ctx, b, "'bridge' of " + rw2));
                if (!rm.has("forbid")) {
                    check.problem(rm.location(), rw2 + " needs 'forbid: { from: ..., to: ... }'");
                    return;
                }
                check.map(rm.get("forbid").get(), "'forbid' of " + rw2).ifPresent(f -> {
                    check.allowOnly(f, FORBID_KEYS, "'forbid' of " + rw2);
                    Optional<Selector> from = f.get("from").flatMap(n -> selector(ctx, n, "'from' of " + rw2));
                    Optional<Selector> to = f.get("to").flatMap(n -> selector(ctx, n, "'to' of " + rw2));
                    if (!f.has("from") || !f.has("to")) {
                        check.problem(f.location(), "'forbid' of " + rw2 + " needs both 'from' and 'to'");
                    }
                    if (from.isPresent() && to.isPresent()) {
                        rules.add(new Rule(ruleName, from.get(), to.get(), both, bridge, reason, source));
                    }
                });
            });
        }

        return Optional.of(new PhoneModel(name, vendor, family, protocols, reboots, apps, configs, dspPatterns,
                dsps, compat, releases, rules));
    }

    private record Ctx(YamlChecker check, String model, Set<String> protocols) {
    }

    private static List<YamlNode> items(YamlChecker check, YamlMap m, String key, String where) {
        return m.get(key).flatMap(n -> check.list(n, "'" + key + "' of " + where)).map(YamlList::items)
                .orElse(List.of());
    }

    private static void checkNamed(YamlChecker check, YamlMap rm, String key, String file, List<FilePattern> patterns,
            Load load, String kind) {
        Optional<Load> read = patterns.stream().map(p -> p.loadOf(file)).flatMap(Optional::stream).findFirst();
        if (read.isEmpty()) {
            check.problem(YamlChecker.at(rm, key), "'" + file + "' matches no '" + kind + "' pattern");
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
                ctx.check().requiredText(p, "pattern", where).ifPresent(text -> {
                    try {
                        Pattern compiled = Pattern.compile(text);
                        if (needProtocol && !text.contains("(?<version>")) {
                            ctx.check().problem(YamlChecker.at(p, "pattern"),
                                    "pattern must read the version with a group (?<version>...)");
                        } else if (!needProtocol || proto.isPresent()) {
                            out.add(new FilePattern(proto, compiled));
                        }
                    } catch (PatternSyntaxException e) {
                        ctx.check().problem(YamlChecker.at(p, "pattern"), "bad regular expression: "
                                + e.getDescription() + " near index " + e.getIndex());
                    }
                });
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
}
