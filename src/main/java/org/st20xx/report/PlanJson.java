package org.st20xx.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;

/**
 * The plan as the JSON of design.md: {@code model}, {@code from}, {@code target}, {@code hops}
 * ({@code protocol}, {@code version}, {@code app}, {@code dsp}, {@code config}, null when a file
 * is missing) and {@code warnings}, plus extra fields (reboots, flash writes, missing files).
 */
public final class PlanJson {
    private PlanJson() {
    }

    public static Map<String, Object> of(Plan plan, String matrixSource) {
        return of(plan, matrixSource, hop -> Map.of());
    }

    /** The plan with {@code extras} added to each hop (e.g. the image and the files a Cisco phone fetches). */
    public static Map<String, Object> of(Plan plan, String matrixSource, Function<Hop, Map<String, Object>> extras) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", plan.model());
        Map<String, Object> from = load(plan.from());
        from.put("dsp", plan.fromDsp().map(Dsp::file).orElse(null));
        m.put("from", from);
        m.put("target", load(plan.target()));
        m.put("hops", plan.hops().stream().map(h -> {
            Map<String, Object> hop = hop(h);
            hop.putAll(extras.apply(h));
            return hop;
        }).toList());
        m.put("reboots", plan.reboots());
        m.put("flashWrites", plan.flashWrites());
        m.put("complete", plan.complete());
        m.put("missing", plan.missing());
        m.put("warnings", plan.warnings());
        m.put("matrix", matrixSource);
        return m;
    }

    /** {@code {"protocol": "sip", "version": "8.12"}} */
    public static Map<String, Object> load(Load load) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", load.protocol());
        m.put("version", load.version().toString());
        return m;
    }

    private static Map<String, Object> hop(Hop hop) {
        Map<String, Object> m = load(hop.to());
        m.put("app", hop.app().orElse(null));
        m.put("dsp", hop.dspFile().orElse(null));
        m.put("config", hop.config().orElse(null));
        m.put("dspWrite", hop.dspWrite());
        m.put("reboots", hop.reboots());
        m.put("from", load(hop.from()));
        return m;
    }
}
