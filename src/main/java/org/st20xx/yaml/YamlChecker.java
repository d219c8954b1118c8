package org.st20xx.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.st20xx.InputProblem;
import org.st20xx.InvalidInputException;

/**
 * Collects every problem of one file while a loader walks its tree (like jsoup's ParseErrorList),
 * then throws them all at once.
 */
public final class YamlChecker {
    private final List<InputProblem> problems = new ArrayList<>();

    public void problem(YamlNode.Location at, String message) {
        problems.add(new InputProblem(at.file(), at.line(), at.column(), message));
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws an {@link InvalidInputException} listing every problem so far, sorted by position; a
     * problem found twice at the same place (a model that shares another's keys) is listed once.
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
            sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            throw new InvalidInputException(sorted);
        }
    }

    public Optional<YamlMap> map(YamlNode node, String what) {
        if (node instanceof YamlMap m) {
            return Optional.of(m);
        }
        problem(node.location(), what + " must be a mapping, found " + node.kind());
        return Optional.empty();
    }

    public Optional<YamlList> list(YamlNode node, String what) {
        if (node instanceof YamlList l) {
            return Optional.of(l);
        }
        problem(node.location(), what + " must be a list, found " + node.kind());
        return Optional.empty();
    }

    /** Reports every key of {@code map} that is not in {@code allowed}. */
    public void allowOnly(YamlMap map, Collection<String> allowed, String where) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                Set<String> sorted = new TreeSet<>(allowed);
                problem(map.keyLocation(key), "unknown key '" + key + "' in " + where + " (allowed: "
                        + String.join(", ", sorted) + ")");
            }
        }
    }

    /** A required scalar's text; reports its absence (at the map) or a non-scalar. */
    public Optional<String> requiredText(YamlMap map, String key, String where) {
        if (!map.has(key)) {
            problem(map.location(), where + " needs '" + key + "'");
            return Optional.empty();
        }
        return optionalText(map, key, where);
    }

    /** An optional scalar's text; {@code null} values count as absent. */
    public Optional<String> optionalText(YamlMap map, String key, String where) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar s) {
            return s.isNull() ? Optional.empty() : Optional.of(s.text());
        }
        problem(node.get().location(), "'" + key + "' in " + where + " must be a single value, found "
                + node.get().kind());
        return Optional.empty();
    }

    public boolean optionalBoolean(YamlMap map, String key, String where, boolean fallback) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return fallback;
        }
        if (node.get() instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problem(node.get().location(), "'" + key + "' in " + where + " must be true or false");
        return fallback;
    }

    /** A list of scalars (a single scalar is taken as a list of one). */
    public List<String> textList(YamlMap map, String key, String where) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (node.get() instanceof YamlScalar s) {
            if (!s.isNull()) {
                out.add(s.text());
            }
            return out;
        }
        for (YamlNode item : list(node.get(), "'" + key + "' in " + where).map(YamlList::items).orElse(List.of())) {
            if (item instanceof YamlScalar s && !s.isNull()) {
                out.add(s.text());
            } else {
                problem(item.location(), "items of '" + key + "' in " + where + " must be single values");
            }
        }
        return out;
    }

    /** Location of a key's value, or of the map when the key is absent. */
    public static YamlNode.Location at(YamlMap map, String key) {
        return map.get(key).map(YamlNode::location).orElse(map.location());
    }
}
