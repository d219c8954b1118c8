package org.st20xx.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A YAML mapping with string keys, in file order, remembering where each key stands. */
public record YamlMap(Map<String, YamlNode> entries, Map<String, Location> keyLocations, Location location)
        implements YamlNode {
    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyLocations = Map.copyOf(keyLocations);
        Objects.requireNonNull(location, "location");
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Location keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
