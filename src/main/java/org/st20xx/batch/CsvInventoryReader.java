package org.st20xx.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.st20xx.InputProblem;
import org.st20xx.InvalidInputException;
import org.st20xx.St20xxException;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Version;
import org.st20xx.plan.Target;

/**
 * Reads the phones of a batch CSV with a real CSV parser (quoting, a UTF-8 byte-order mark and
 * CRLF line ends are fine). The header names the columns: {@code ip} is required; {@code port},
 * {@code web_port}, {@code model}, {@code from}, {@code target}, {@code credentials} are optional.
 * Every row is checked and every problem reported at once as {@code FILE:LINE: ...}.
 */
public final class CsvInventoryReader {
    public static final List<String> COLUMNS = List.of("ip", "port", "web_port", "model", "from", "target", "credentials");

    private CsvInventoryReader() {
    }

    public static List<PhoneRow> read(Path file, Optional<Target> defaultTarget, Matrix matrix) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw St20xxException.usage(file + ": no such file");
        } catch (IOException e) {
            throw St20xxException.usage(file + ": cannot read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), defaultTarget, matrix, base);
    }

    static List<PhoneRow> parse(String text, String name, Optional<Target> defaultTarget, Matrix matrix, Path base) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<InputProblem> problems = new ArrayList<>();
        List<PhoneRow> rows = new ArrayList<>();
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = new StringReader(text);
                CsvParser parser = (CsvParser) mapper.getFactory().createParser(reader)) {
            parser.setSchema(schema);
            Map<String, Integer> seen = new HashMap<>();
            boolean headerChecked = false;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                if (!headerChecked) {
                    List<String> columns = new ArrayList<>();
                    parser.getSchema().forEach(c -> columns.add(c.getName()));
                    if (!checkHeader(columns, name, problems)) {
                        throw new InvalidInputException(problems);
                    }
                    headerChecked = true;
                }
                Map<String, String> raw = new LinkedHashMap<>();
                int line = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String column = parser.currentName();
                    parser.nextToken();
                    if (line == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    raw.put(column, parser.getValueAsString(""));
                }
                row(raw, line, name, defaultTarget, matrix, base, problems, seen).ifPresent(rows::add);
            }
            if (!headerChecked && problems.isEmpty()) {
                List<String> columns = new ArrayList<>();
                parser.getSchema().forEach(c -> columns.add(c.getName()));
                if (!checkHeader(columns, name, problems)) {
                    throw new InvalidInputException(problems);
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(new InputProblem(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0,
                    "not valid CSV: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw St20xxException.usage(name + ": cannot read: " + e.getMessage());
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new InputProblem(name, 1, 0, "no phones: the file has a header but no rows"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }

    private static boolean checkHeader(List<String> columns, String name, List<InputProblem> problems) {
        if (columns.isEmpty()) {
            problems.add(new InputProblem(name, 1, 0, "empty file: the first line must name the columns, e.g. ip,model,from,target"));
            return false;
        }
        for (String c : columns) {
            if (!COLUMNS.contains(c.toLowerCase(Locale.ROOT))) {
                problems.add(new InputProblem(name, 1, 0, "unknown column '" + c + "' (known: " + String.join(", ", COLUMNS) + ")"));
            }
        }
        if (columns.stream().noneMatch(c -> c.equalsIgnoreCase("ip"))) {
            problems.add(new InputProblem(name, 1, 0, "the header has no 'ip' column (it names: " + String.join(", ", columns) + ")"));
        }
        return problems.isEmpty();
    }

    private static Optional<PhoneRow> row(Map<String, String> given, int line, String name, Optional<Target> defaultTarget,
            Matrix matrix, Path base, List<InputProblem> problems, Map<String, Integer> seen) {
        Map<String, String> raw = new LinkedHashMap<>();
        given.forEach((k, v) -> raw.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v.trim()));
        int before = problems.size();
        String ip = raw.getOrDefault("ip", "");
        Addresses.problem(ip).ifPresent(p -> problems.add(problem(name, line, "ip: " + p)));
        Optional<Integer> port = port(raw, "port", name, line, problems);
        Optional<Integer> webPort = port(raw, "web_port", name, line, problems);
        Optional<String> model = text(raw, "model");
        Optional<PhoneModel> phoneModel = Optional.empty();
        if (model.isPresent()) {
            phoneModel = matrix.model(model.get());
            if (phoneModel.isEmpty()) {
                problems.add(problem(name, line, "model: unknown model '" + model.get() + "' (known: "
                        + String.join(", ", matrix.models().keySet()) + ")"));
            }
        }
        Optional<Load> from = text(raw, "from").flatMap(f -> load(f, name, line, problems));
        Optional<Target> target = text(raw, "target").flatMap(t -> target(t, name, line, problems));
        if (target.isEmpty() && text(raw, "target").isEmpty()) {
            target = defaultTarget;
            if (target.isEmpty()) {
                problems.add(problem(name, line, "target: empty, and no --target was given"));
            }
        }
        if (phoneModel.isPresent()) {
            PhoneModel m = phoneModel.get();
            target.filter(t -> !m.protocols().contains(t.protocol())).ifPresent(t -> problems.add(problem(name, line,
                    "target: " + m.name() + " has no protocol '" + t.protocol() + "' (it runs " + String.join(", ", m.protocols()) + ")")));
            from.filter(f -> !m.protocols().contains(f.protocol())).ifPresent(f -> problems.add(problem(name, line,
                    "from: " + m.name() + " has no protocol '" + f.protocol() + "'")));
        }
        Optional<Path> credentials = text(raw, "credentials").map(c -> base == null ? Path.of(c) : base.resolve(c));
        credentials.filter(c -> !Files.isRegularFile(c)).ifPresent(c -> problems.add(problem(name, line,
                "credentials: no such file " + c)));
        if (problems.size() > before) {
            return Optional.empty();
        }
        String key = ip.toLowerCase(Locale.ROOT) + ":" + port.map(String::valueOf).orElse("default");
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
            problems.add(problem(name, line, "ip: " + ip + port.map(p -> ":" + p).orElse("")
                    + " is listed twice (first on line " + first + ")"));
            return Optional.empty();
        }
        return Optional.of(new PhoneRow(line, ip, port, webPort, phoneModel.map(PhoneModel::name), from, target.orElseThrow(),
                credentials, given));
    }

    private static Optional<String> text(Map<String, String> raw, String column) {
        String v = raw.get(column);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Integer> port(Map<String, String> raw, String column, String name, int line,
            List<InputProblem> problems) {
        Optional<String> v = text(raw, column);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> p = Addresses.portProblem(v.get());
        if (p.isPresent()) {
            problems.add(problem(name, line, column + ": " + p.get()));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(v.get()));
    }

    private static Optional<Load> load(String text, String name, int line, List<InputProblem> problems) {
        String[] parts = text.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("[A-Za-z][A-Za-z0-9]*") || !Version.isVersion(parts[1])) {
            problems.add(problem(name, line, "from: '" + text + "' is not PROTOCOL:VERSION (e.g. sip:2.67)"));
            return Optional.empty();
        }
        return Optional.of(new Load(parts[0], Version.parse(parts[1])));
    }

    private static Optional<Target> target(String text, String name, int line, List<InputProblem> problems) {
        try {
            return Optional.of(Target.parse(text, "target:"));
        } catch (St20xxException e) {
            problems.add(problem(name, line, e.getMessage()));
            return Optional.empty();
        }
    }

    private static InputProblem problem(String file, int line, String message) {
        return new InputProblem(file, line, 0, message);
    }
}
