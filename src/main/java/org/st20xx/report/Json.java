package org.st20xx.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** One configured JSON mapper for everything st20xx prints or writes. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code d} as the reports give durations: seconds, rounded to a tenth. */
    public static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }

    /** Writes {@code value} as JSON to {@code file} atomically (see {@link AtomicFiles}). */
    public static void writeAtomically(Path file, Object value) throws IOException {
        AtomicFiles.write(file, write(value) + "\n");
    }
}
