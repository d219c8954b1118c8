package org.st20xx.convert;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Version;
import org.st20xx.playbook.Playbook;

/** Reads an {@link Identity} from the output of the playbook's identify command. */
public final class IdentityParser {
    private IdentityParser() {
    }

    public static Identity parse(Playbook.Identify spec, String output) {
        String model = required(spec, output, "model");
        String protocol = required(spec, output, "protocol").toLowerCase(java.util.Locale.ROOT);
        String version = required(spec, output, "version");
        if (!Version.isVersion(version)) {
            throw unexpected(spec, "version '" + version + "' is not a version", output);
        }
        Optional<String> state = field(spec.fields(), "config_state", output);
        boolean ok = state.map(s -> spec.configOk().matcher(s).find()).orElse(true);
        return new Identity(model, new Load(protocol, Version.parse(version)), required(spec, output, "dsp"),
                field(spec.fields(), "app", output), field(spec.fields(), "config", output), state, ok);
    }

    private static String required(Playbook.Identify spec, String output, String name) {
        return field(spec.fields(), name, output).orElseThrow(() -> unexpected(spec,
                "no " + name + " in its answer (pattern " + spec.fields().get(name).pattern() + ")", output));
    }

    private static Optional<String> field(Map<String, Pattern> fields, String name, String output) {
        Pattern p = fields.get(name);
        if (p == null) {
            return Optional.empty();
        }
        Matcher m = p.matcher(output);
        return m.find() ? Optional.ofNullable(m.group("value")).map(String::trim) : Optional.empty();
    }

    private static St20xxException unexpected(Playbook.Identify spec, String what, String output) {
        String tail = output.strip();
        if (tail.length() > 200) {
            tail = "..." + tail.substring(tail.length() - 200);
        }
        return new St20xxException(ExitStatus.PHONE_FAILED, "step identify ('" + spec.command()
                + "'): the phone answered something unexpected: " + what + "; it said: " + tail.replace("\n", " | ")
                + " (if the phone's wording differs, adjust 'identify' in the playbook)");
    }
}
