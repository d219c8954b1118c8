package org.st20xx.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.st20xx.InputProblem;
import org.st20xx.InvalidInputException;
import org.st20xx.St20xxException;

/**
 * Reads one YAML document into a located tree. Syntax errors and duplicate keys become an
 * {@link InvalidInputException} naming file:line:col.
 */
public final class YamlTreeReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader() {
    }

    /** Reads a file; {@code displayName} is how messages name it (e.g. the path as typed). */
    public static YamlNode read(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw St20xxException.usage(displayName + ": no such file");
        } catch (IOException e) {
            throw St20xxException.usage(displayName + ": cannot read: " + e.getMessage());
        }
        return read(text, displayName);
    }

    public static YamlNode read(String text, String displayName) {
        try (Reader reader = new StringReader(text); JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(List.of(new InputProblem(displayName, 1, 1, "the file is empty")));
            }
            YamlNode root = readValue(parser, displayName);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InvalidInputException(List.of(new InputProblem(displayName, at.getLineNr(),
                        at.getColumnNr(), "only one YAML document is allowed here")));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new InvalidInputException(List.of(new InputProblem(displayName, line, column,
                    "not valid YAML: " + firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw St20xxException.usage(displayName + ": cannot read: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser, String file) throws IOException {
        JsonToken token = parser.currentToken();
        YamlNode.Location at = location(parser, file);
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, YamlNode.Location> keys = new HashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    YamlNode.Location keyAt = location(parser, file);
                    parser.nextToken();
                    YamlNode value = readValue(parser, file);
                    if (entries.containsKey(key)) {
                        throw new InvalidInputException(List.of(new InputProblem(file, keyAt.line(), keyAt.column(),
                                "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")")));
                    }
                    entries.put(key, value);
                    keys.put(key, keyAt);
                }
                return new YamlMap(entries, keys, at);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file));
                }
                return new YamlList(items, at);
            }
            case VALUE_STRING:
                return new YamlScalar(parser.getText(), YamlScalar.Type.STRING, at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlScalar(parser.getText(), YamlScalar.Type.NUMBER, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlScalar(parser.getText(), YamlScalar.Type.BOOLEAN, at);
            case VALUE_NULL:
                return new YamlScalar("", YamlScalar.Type.NULL, at);
            default:
                throw new InvalidInputException(List.of(new InputProblem(file, at.line(), at.column(),
                        "unsupported YAML element " + token)));
        }
    }

    private static YamlNode.Location location(JsonParser parser, String file) {
        JsonLocation at = parser.currentTokenLocation();
        return new YamlNode.Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    /** SnakeYAML's message without its position lines and code excerpt: "while parsing ...: expected ...". */
    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        java.util.List<String> kept = message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.matches("\\^+") && !l.startsWith("at [Source"))
                .toList();
        if (kept.isEmpty()) {
            return "syntax error";
        }
        String first = kept.get(0);
        return kept.stream().skip(1).filter(l -> l.matches("(expected|found|mapping|could not|did not|but) .*"))
                .findFirst().map(why -> first + ": " + why).orElse(first);
    }
}
