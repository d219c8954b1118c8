package org.st20xx.playbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.st20xx.St20xxException;
import org.st20xx.yaml.DataFiles;
import org.st20xx.yaml.YamlChecker;
import org.st20xx.yaml.YamlMap;
import org.st20xx.yaml.YamlNode;
import org.st20xx.yaml.YamlTreeReader;

/**
 * Reads and validates a playbook; every problem is reported as {@code file:line:col: ...}.
 */
public final class PlaybookLoader {
    /** Environment variable naming a directory of playbooks to use instead of the built-in ones. */
    public static final String ENV = "ST20XX_PLAYBOOKS";
    /** The fields {@code identify} must read. */
    public static final List<String> IDENTIFY_FIELDS = List.of("model", "protocol", "version", "dsp");
    /** The placeholders a step's {@code send} may use. */
    public static final Set<String> VARIABLES = Set.of("server", "app", "dsp", "config");

    private static final List<String> TOP_KEYS = List.of("schema", "name", "models", "connection", "login",
            "failure_indicators", "identify", "web", "reboot", "steps", "hop");
    private static final List<String> CONNECTION_KEYS = List.of("port", "connect_timeout", "newline");
    private static final List<String> LOGIN_KEYS = List.of("user_prompt", "password_prompt", "prompt", "failure", "timeout");
    private static final List<String> IDENTIFY_KEYS = List.of("command", "timeout", "fields", "config_ok");
    private static final List<String> WEB_KEYS = List.of("enable_telnet");
    private static final List<String> WEB_ACTION_KEYS = List.of("method", "path", "body", "account", "timeout");
    private static final List<String> REBOOT_KEYS = List.of("disconnect_timeout", "return_deadline", "poll_interval",
            "expected_boot", "expected_step");
    private static final List<String> STEP_KEYS = List.of("describe", "send", "ok", "timeout", "transfer", "flash",
            "only_when", "reboot");
    private static final List<String> HOP_KEYS = List.of("before_reboot", "after_reboot");
    private static final List<String> PHASE_KEYS = List.of("account", "steps");
    private static final Set<String> TRANSFERS = Set.of("app", "dsp", "config");
    private static final Set<String> CONDITIONS = Set.of("dsp_write");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)\\}");

    private PlaybookLoader() {
    }

    /**
     * The playbook called {@code name}: {@code explicit} when given, else {@code $ST20XX_PLAYBOOKS/NAME.yaml},
     * else {@code playbooks/NAME.yaml} in the current directory when present, else the built-in one.
     */
    public static Playbook resolve(String name, Path explicit) {
        Path env = DataFiles.fromEnvironment(ENV);
        return build(DataFiles.resolve(explicit, env == null ? null : env.resolve(name + ".yaml"),
                Path.of("playbooks", name + ".yaml"), "/st20xx/playbooks/" + name + ".yaml", "playbook file"));
    }

    private static Playbook build(DataFiles.Source source) {
        return build(source.tree(), source.name());
    }

    public static Playbook parse(String yaml, String displayName) {
        return build(YamlTreeReader.read(yaml, displayName), displayName);
    }

    private static Playbook build(YamlNode root, String source) {
        YamlChecker check = new YamlChecker();
        YamlMap top = check.map(root, "a playbook").orElse(null);
        if (top == null) {
            check.throwIfAny();
        }
        check.allowOnly(top, TOP_KEYS, "the playbook");
        check.requiredText(top, "schema", "the playbook").filter(s -> !s.equals("1")).ifPresent(s ->
                check.problem(YamlChecker.at(top, "schema"), "schema " + s + " is not supported (this st20xx reads schema 1)"));
        String name = check.requiredText(top, "name", "the playbook").orElse("?");
        List<String> models = check.textList(top, "models", "the playbook");

        YamlMap conn = section(check, top, "connection", CONNECTION_KEYS);
        int port = 23;
        Optional<String> portText = check.optionalText(conn, "port", "'connection'");
        if (portText.isPresent()) {
            if (portText.get().matches("\\d{1,5}") && Integer.parseInt(portText.get()) >= 1
                    && Integer.parseInt(portText.get()) <= 65535) {
                port = Integer.parseInt(portText.get());
            } else {
                check.problem(YamlChecker.at(conn, "port"), "'port' must be a TCP port (1-65535)");
            }
        }
        Playbook.Connection connection = new Playbook.Connection(port,
                duration(check, conn, "connect_timeout", "'connection'", Duration.ofSeconds(5)),
                check.optionalText(conn, "newline", "'connection'").orElse("\r"));

        YamlMap lg = section(check, top, "login", LOGIN_KEYS);
        Playbook.Login login = new Playbook.Login(
                regex(check, lg, "user_prompt", "'login'", true), regex(check, lg, "password_prompt", "'login'", true),
                regex(check, lg, "prompt", "'login'", true), regex(check, lg, "failure", "'login'", true),
                duration(check, lg, "timeout", "'login'", Duration.ofSeconds(15)));

        List<Pattern> failures = new ArrayList<>();
        for (String f : check.textList(top, "failure_indicators", "the playbook")) {
            compile(check, YamlChecker.at(top, "failure_indicators"), f).ifPresent(failures::add);
        }

        YamlMap id = section(check, top, "identify", IDENTIFY_KEYS);
        Map<String, Pattern> fields = new LinkedHashMap<>();
        id.get("fields").flatMap(n -> check.map(n, "'fields' of 'identify'")).ifPresent(fm -> fm.entries().keySet()
                .forEach(k -> {
                    Pattern p = regex(check, fm, k, "'fields' of 'identify'", true);
                    if (p != null && !p.pattern().contains("(?<value>")) {
                        check.problem(YamlChecker.at(fm, k), "identify field '" + k + "' must capture its value in a group (?<value>...)");
                    }
                    if (p != null) {
                        fields.put(k, p);
                    }
                }));
        for (String required : IDENTIFY_FIELDS) {
            if (!fields.containsKey(required)) {
                check.problem(YamlChecker.at(id, "fields"), "'identify' must read the field '" + required + "'");
            }
        }
        Playbook.Identify identify = new Playbook.Identify(check.requiredText(id, "command", "'identify'").orElse(""),
                duration(check, id, "timeout", "'identify'", Duration.ofSeconds(15)), fields,
                Optional.ofNullable(regex(check, id, "config_ok", "'identify'", false)).orElse(Pattern.compile("^ok$")));

        YamlMap web = section(check, top, "web", WEB_KEYS);
        YamlMap et = web.get("enable_telnet").flatMap(n -> check.map(n, "'enable_telnet' of 'web'")).orElse(web);
        if (!web.has("enable_telnet")) {
            check.problem(web.location(), "'web' needs 'enable_telnet'");
        }
        check.allowOnly(et, WEB_ACTION_KEYS, "'enable_telnet'");
        String method = check.optionalText(et, "method", "'enable_telnet'").orElse("POST");
        if (!method.equals("POST") && !method.equals("GET")) {
            check.problem(YamlChecker.at(et, "method"), "'method' must be GET or POST");
        }
        Playbook.WebAction enableTelnet = new Playbook.WebAction(method,
                check.requiredText(et, "path", "'enable_telnet'").orElse("/"),
                check.optionalText(et, "body", "'enable_telnet'").orElse(""),
                check.optionalText(et, "account", "'enable_telnet'").orElse("web"),
                duration(check, et, "timeout", "'enable_telnet'", Duration.ofSeconds(10)));

        YamlMap rb = section(check, top, "reboot", REBOOT_KEYS);
        Playbook.RebootTiming reboot = new Playbook.RebootTiming(
                duration(check, rb, "disconnect_timeout", "'reboot'", Duration.ofSeconds(30)),
                duration(check, rb, "return_deadline", "'reboot'", Duration.ofSeconds(300)),
                duration(check, rb, "poll_interval", "'reboot'", Duration.ofSeconds(1)),
                duration(check, rb, "expected_boot", "'reboot'", Duration.ofSeconds(90)),
                duration(check, rb, "expected_step", "'reboot'", Duration.ofSeconds(3)));

        Map<String, Playbook.Step> steps = new LinkedHashMap<>();
        YamlMap sm = top.get("steps").flatMap(n -> check.map(n, "'steps'")).orElse(null);
        if (sm == null && !top.has("steps")) {
            check.problem(top.location(), "the playbook needs 'steps'");
        }
        if (sm != null) {
            sm.entries().forEach((stepName, node) -> check.map(node, "step " + stepName)
                    .flatMap(s -> step(check, stepName, s)).ifPresent(s -> steps.put(stepName, s)));
        }

        YamlMap hop = section(check, top, "hop", HOP_KEYS);
        Playbook.Phase before = phase(check, hop, "before_reboot", steps);
        Playbook.Phase after = phase(check, hop, "after_reboot", steps);
        check.throwIfAny();
        return new Playbook(name, source, models, connection, login, failures, identify, enableTelnet, reboot, steps,
                before, after);
    }

    private static Optional<Playbook.Step> step(YamlChecker check, String name, YamlMap s) {
        String where = "step " + name;
        check.allowOnly(s, STEP_KEYS, where);
        Optional<String> send = check.requiredText(s, "send", where);
        send.ifPresent(text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!VARIABLES.contains(m.group(1))) {
                    check.problem(YamlChecker.at(s, "send"), "unknown placeholder {" + m.group(1) + "} (known: "
                            + String.join(", ", VARIABLES.stream().sorted().toList()) + ")");
                }
            }
        });
        Pattern ok = regex(check, s, "ok", where, true);
        Optional<String> transfer = check.optionalText(s, "transfer", where);
        transfer.filter(t -> !TRANSFERS.contains(t)).ifPresent(t -> check.problem(YamlChecker.at(s, "transfer"),
                "'transfer' must be one of app, dsp, config"));
        Optional<String> onlyWhen = check.optionalText(s, "only_when", where);
        onlyWhen.filter(t -> !CONDITIONS.contains(t)).ifPresent(t -> check.problem(YamlChecker.at(s, "only_when"),
                "'only_when' must be dsp_write"));
        boolean reboot = check.optionalBoolean(s, "reboot", where, false);
        boolean flash = check.optionalBoolean(s, "flash", where, false);
        if (reboot && transfer.isPresent()) {
            check.problem(s.location(), where + " cannot both reboot and transfer a file");
        }
        if (send.isEmpty() || ok == null) {
            return Optional.empty();
        }
        return Optional.of(new Playbook.Step(name, check.optionalText(s, "describe", where).orElse(name), send.get(), ok,
                duration(check, s, "timeout", where, Duration.ofSeconds(30)), transfer, flash, onlyWhen, reboot));
    }

    private static Playbook.Phase phase(YamlChecker check, YamlMap hop, String key, Map<String, Playbook.Step> steps) {
        String where = "'" + key + "' of 'hop'";
        YamlMap p = hop.get(key).flatMap(n -> check.map(n, where)).orElse(null);
        if (p == null) {
            if (!hop.has(key)) {
                check.problem(hop.location(), "'hop' needs '" + key + "'");
            }
            return new Playbook.Phase("from", List.of());
        }
        check.allowOnly(p, PHASE_KEYS, where);
        String account = check.requiredText(p, "account", where).orElse("from");
        if (!account.equals("from") && !account.equals("to")) {
            check.problem(YamlChecker.at(p, "account"), "'account' must be 'from' (the current protocol's account)"
                    + " or 'to' (the target protocol's)");
        }
        List<String> names = check.textList(p, "steps", where);
        if (names.isEmpty()) {
            check.problem(YamlChecker.at(p, "steps"), where + " needs 'steps'");
        }
        for (int i = 0; i < names.size(); i++) {
            Playbook.Step s = steps.get(names.get(i));
            if (s == null) {
                if (!steps.isEmpty()) {
                    check.problem(YamlChecker.at(p, "steps"), "unknown step '" + names.get(i) + "' (defined: "
                            + String.join(", ", steps.keySet()) + ")");
                }
                continue;
            }
            boolean last = i == names.size() - 1;
            if (s.reboot() != last) {
                check.problem(YamlChecker.at(p, "steps"), where + " must end with its one reboot step ("
                        + (last ? "'" + s.name() + "' does not reboot" : "'" + s.name() + "' reboots before the end") + ")");
            }
        }
        return new Playbook.Phase(account, names);
    }

    private static YamlMap section(YamlChecker check, YamlMap top, String key, List<String> keys) {
        Optional<YamlMap> m = top.get(key).flatMap(n -> check.map(n, "'" + key + "'"));
        if (m.isEmpty()) {
            if (!top.has(key)) {
                check.problem(top.location(), "the playbook needs '" + key + "'");
            }
            return new YamlMap(Map.of(), Map.of(), top.location());
        }
        check.allowOnly(m.get(), keys, "'" + key + "'");
        return m.get();
    }

    private static Pattern regex(YamlChecker check, YamlMap map, String key, String where, boolean required) {
        Optional<String> text = required ? check.requiredText(map, key, where) : check.optionalText(map, key, where);
        return text.flatMap(t -> compile(check, YamlChecker.at(map, key), t)).orElse(null);
    }

    private static Optional<Pattern> compile(YamlChecker check, YamlNode.Location at, String text) {
        try {
            return Optional.of(Pattern.compile(text, Pattern.MULTILINE));
        } catch (PatternSyntaxException e) {
            check.problem(at, "bad regular expression '" + text + "': " + e.getDescription());
            return Optional.empty();
        }
    }

    /** Parses {@code 500ms}, {@code 15s}, {@code 1.5s}, {@code 5m}. */
    static Duration duration(YamlChecker check, YamlMap map, String key, String where, Duration fallback) {
        Optional<String> text = check.optionalText(map, key, where);
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.get().trim());
        if (!m.matches()) {
            check.problem(YamlChecker.at(map, key), "'" + key + "' must be a duration like 500ms, 15s or 5m, not '"
                    + text.get() + "'");
            return fallback;
        }
        double n = Double.parseDouble(m.group(1));
        long millis = Math.round(switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            default -> n * 60_000;
        });
        if (millis <= 0) {
            check.problem(YamlChecker.at(map, key), "'" + key + "' must be more than zero");
            return fallback;
        }
        return Duration.ofMillis(millis);
    }
}
