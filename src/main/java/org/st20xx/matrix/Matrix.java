package org.st20xx.matrix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.st20xx.St20xxException;

/** The validated firmware matrix. {@code source} says where it was read from, for messages. */
public record Matrix(String source, Map<String, PhoneModel> models) {
    public Matrix {
        Objects.requireNonNull(source, "source");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The model named {@code name}, ignoring case ({@code st2030} finds ST2030). */
    public Optional<PhoneModel> model(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return models.values().stream().filter(m -> m.name().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The model, or a refusal naming the models the matrix knows. */
    public PhoneModel requireModel(String name) {
        return model(name).orElseThrow(() -> St20xxException.usage("unknown model '" + name + "' (" + source
                + " knows: " + String.join(", ", models.keySet()) + ")"));
    }
}
