package org.st20xx.yaml;

import java.util.List;
import java.util.Objects;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, Location location) implements YamlNode {
    public YamlList {
        items = List.copyOf(items);
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "a list";
    }
}
