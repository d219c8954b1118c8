package org.st20xx.matrix;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression recognising one kind of file name. Application and configuration
 * patterns name a protocol and read the version from their group {@code version}.
 */
public record FilePattern(Optional<String> protocol, Pattern pattern) {
    public FilePattern {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** The load this file name stands for, when the pattern matches and reads a version. */
    public Optional<Load> loadOf(String fileName) {
        Matcher m = pattern.matcher(fileName);
        if (!m.matches() || protocol.isEmpty()) {
            return Optional.empty();
        }
        String v = m.group("version");
        if (v == null || !Version.isVersion(v)) {
            return Optional.empty();
        }
        return Optional.of(new Load(protocol.get(), Version.parse(v)));
    }

    public boolean matches(String fileName) {
        return pattern.matcher(fileName).matches();
    }
}
