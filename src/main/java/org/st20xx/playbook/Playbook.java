package org.st20xx.playbook;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.st20xx.plan.Hop;

/** A validated playbook. {@code source} says where it was read from, for messages. */
public record Playbook(String name, String source, List<String> models, Connection connection, Login login,
        List<Pattern> failureIndicators, Identify identify, WebAction enableTelnet, RebootTiming reboot,
        Map<String, Step> steps, Phase beforeReboot, Phase afterReboot) {
    /** How a placeholder shows a file the hop lacks. */
    private static final String MISSING = "<missing>";

    public Playbook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        models = List.copyOf(models);
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(login, "login");
        failureIndicators = List.copyOf(failureIndicators);
        Objects.requireNonNull(identify, "identify");
        Objects.requireNonNull(enableTelnet, "enableTelnet");
        Objects.requireNonNull(reboot, "reboot");
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        Objects.requireNonNull(beforeReboot, "beforeReboot");
        Objects.requireNonNull(afterReboot, "afterReboot");
    }

    /** TCP port, connect timeout and the line ending typed after each command. */
    public record Connection(int port, Duration connectTimeout, String newline) {
    }

    public record Login(Pattern userPrompt, Pattern passwordPrompt, Pattern prompt, Pattern failure, Duration timeout) {
    }

    /** The command that prints what the phone runs, and one pattern per field (group "value"). */
    public record Identify(String command, Duration timeout, Map<String, Pattern> fields, Pattern configOk) {
        public Identify {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** An HTTP request against the phone's web server, made with the account profile {@code account}. */
    public record WebAction(String method, String path, String body, String account, Duration timeout) {
    }

    /**
     * @param expectedBoot how long a reboot usually takes, for estimates (dry-run tables, progress)
     * @param expectedStep how long a console step usually takes, for estimates
     */
    public record RebootTiming(Duration disconnectTimeout, Duration returnDeadline, Duration pollInterval,
            Duration expectedBoot, Duration expectedStep) {
    }

    /** A rough duration of {@code hops} hops, for tables and progress: reboots and steps at their usual pace. */
    public Duration estimate(int hops, int rebootsPerHop) {
        int stepsPerHop = beforeReboot.steps().size() + afterReboot.steps().size();
        return reboot.expectedBoot().multipliedBy((long) hops * rebootsPerHop)
                .plus(reboot.expectedStep().multipliedBy((long) hops * stepsPerHop));
    }

    /**
     * One console command of a hop: what to type (a template over {server}, {app}, {dsp},
     * {config}), the pattern that means it worked, its deadline, the file the TFTP server must have
     * sent for it, whether it writes flash (a power loss there bricks the phone), whether it is
     * skipped unless a condition holds, and whether it reboots the phone.
     */
    public record Step(String name, String describe, String send, Pattern ok, Duration timeout,
            Optional<String> transfer, boolean flash, Optional<String> onlyWhen, boolean reboot) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(onlyWhen, "onlyWhen");
        }

        /** The command line with {@code {name}} placeholders replaced from {@code vars}. */
        public String render(Map<String, String> vars) {
            String out = send;
            for (Map.Entry<String, String> e : vars.entrySet()) {
                out = out.replace("{" + e.getKey() + "}", e.getValue());
            }
            return out;
        }

        /** Whether the step is typed in a hop that writes the DSP ({@code dspWrite}) or keeps it: {@code only_when: dsp_write}. */
        public boolean appliesTo(boolean dspWrite) {
            return onlyWhen.map(c -> !c.equals("dsp_write") || dspWrite).orElse(true);
        }

        /**
         * The values of the placeholders for {@code hop}, for {@link #render}: {@code server} is the
         * TFTP server as the phone reaches it; a file the hop lacks shows as {@code <missing>}.
         */
        public static Map<String, String> vars(String server, Hop hop) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("server", server);
            v.put("app", hop.app().orElse(MISSING));
            v.put("dsp", hop.dspFile().orElse(MISSING));
            v.put("config", hop.config().orElse(MISSING));
            return v;
        }
    }

    /** A part of a hop run in one console session, logged in with the {@code from} or {@code to} account. */
    public record Phase(String account, List<String> steps) {
        public Phase {
            steps = List.copyOf(steps);
        }
    }

    public Step step(String name) {
        Step s = steps.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no step " + name + " in playbook " + this.name);
        }
        return s;
    }
}
