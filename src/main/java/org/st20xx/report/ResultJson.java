package org.st20xx.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.st20xx.convert.ConversionResult;
import org.st20xx.matrix.Load;

/**
 * One phone's outcome as the report entry of design.md: {@code ip}, {@code port}, {@code status},
 * {@code from}, {@code to}, {@code hops}, {@code error}, {@code seconds}, plus the failed step.
 */
public final class ResultJson {
    private ResultJson() {
    }

    public static Map<String, Object> of(String ip, int port, ConversionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", ip);
        m.put("port", port);
        m.put("status", r.status().name());
        m.put("from", r.from().map(ResultJson::load).orElse(null));
        m.put("to", r.to().map(ResultJson::load).orElse(null));
        m.put("hops", r.plan().map(p -> p.hops().size()).orElse(0));
        m.put("hopsDone", r.hopsDone());
        m.put("error", r.error().orElse(null));
        m.put("failedStep", r.failedStep().orElse(null));
        m.put("seconds", Math.round(r.took().toMillis() / 100.0) / 10.0);
        return m;
    }

    /** "sip:2.67", the notation of the command line. */
    public static String load(Load load) {
        return load.protocol() + ":" + load.version();
    }
}
