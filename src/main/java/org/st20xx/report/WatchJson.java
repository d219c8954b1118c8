package org.st20xx.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.st20xx.cisco.WatchResult;

/**
 * {@code st20xx watch --format json}: {@code status} ({@code converted}, {@code failed},
 * {@code timeout}), {@code model}, {@code mac}, {@code from}, {@code target}, {@code runs} (what the
 * phone is known to run), {@code hops} (each with its requests), {@code error}, {@code hints} (what
 * lint finds after a failure) and {@code seconds}.
 */
public final class WatchJson {
    private WatchJson() {
    }

    public static Map<String, Object> of(WatchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().word());
        m.put("model", r.model());
        m.put("mac", r.mac().hex());
        m.put("from", PlanJson.load(r.from()));
        m.put("target", PlanJson.load(r.target()));
        m.put("runs", PlanJson.load(r.runs()));
        m.put("hops", r.hops().stream().map(WatchJson::hop).toList());
        m.put("error", r.error().orElse(null));
        m.put("hints", r.hints());
        m.put("seconds", Json.seconds(r.took()));
        return m;
    }

    private static Map<String, Object> hop(WatchResult.HopReport h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", h.number());
        m.put("from", PlanJson.load(h.from()));
        m.put("to", PlanJson.load(h.to()));
        m.put("image", h.image());
        m.put("status", h.status().word());
        m.put("seconds", Json.seconds(h.took()));
        m.put("requests", h.requests().stream().map(s -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("file", s.file());
            q.put("outcome", s.outcome());
            q.put("bytes", s.bytes());
            q.put("role", s.role());
            q.put("client", s.client());
            return q;
        }).toList());
        return m;
    }
}
