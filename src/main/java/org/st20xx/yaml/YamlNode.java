package org.st20xx.yaml;

/** A node of a located YAML tree: a mapping, a sequence or a scalar. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
    /** Where the node starts in its file. */
    Location location();

    /** A word for error messages: "a mapping", "a list", "a text", "a number"... */
    String kind();

    /** A position in a YAML file; line and column are 1-based. */
    record Location(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }
}
