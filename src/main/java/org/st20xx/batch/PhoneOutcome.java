package org.st20xx.batch;

import java.util.Objects;
import org.st20xx.convert.ConversionResult;

/** One phone of a batch and how it ended. */
public record PhoneOutcome(PhoneRow row, String ip, int port, ConversionResult result) {
    public PhoneOutcome {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(result, "result");
    }

    public String phone() {
        return ip + ":" + port;
    }
}
