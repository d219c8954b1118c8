package org.st20xx.batch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.st20xx.convert.ConversionResult;
import org.st20xx.report.Json;
import org.st20xx.report.ResultJson;

/** The outcome of a batch, in CSV order. */
public record BatchReport(List<PhoneOutcome> phones, Duration took) {
    public BatchReport {
        phones = List.copyOf(phones);
        Objects.requireNonNull(took, "took");
    }

    public long count(ConversionResult.Status status) {
        return phones.stream().filter(p -> p.result().status() == status).count();
    }

    public List<PhoneOutcome> failed() {
        return phones.stream().filter(p -> p.result().status() == ConversionResult.Status.failed).toList();
    }

    /** The JSON report of design.md: phones (ip, port, status, from, to, hops, error, seconds) and summary. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phones", phones.stream().map(p -> {
            Map<String, Object> e = ResultJson.of(p.ip(), p.port(), p.result());
            e.put("line", p.row().line());
            return e;
        }).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("converted", count(ConversionResult.Status.converted));
        summary.put("failed", count(ConversionResult.Status.failed));
        summary.put("skipped", count(ConversionResult.Status.skipped));
        summary.put("planned", count(ConversionResult.Status.planned));
        summary.put("seconds", Json.seconds(took));
        m.put("summary", summary);
        return m;
    }
}
