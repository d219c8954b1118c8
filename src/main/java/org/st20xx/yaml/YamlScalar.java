package org.st20xx.yaml;

import java.util.Objects;

/**
 * A scalar exactly as written in the file ({@code 1.50} stays "1.50", not 1.5), with the type
 * the YAML parser gave it.
 */
public record YamlScalar(String text, Type type, Location location) implements YamlNode {
    public enum Type { STRING, NUMBER, BOOLEAN, NULL }

    public YamlScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String kind() {
        return switch (type) {
            case STRING -> "a text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "nothing";
        };
    }
}
