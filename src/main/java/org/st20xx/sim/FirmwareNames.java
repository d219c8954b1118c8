package org.st20xx.sim;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.st20xx.matrix.FilePattern;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;
import org.st20xx.matrix.Version;

/**
 * The file names of a load: the ones the matrix's releases give, else a name made from the
 * matrix's own pattern for that protocol, so that a new release in firmware-matrix.yaml needs no
 * code here. {@code v2030MC\.\d{6}\.(?<version>...)\.zz} gives {@code v2030MC.000000.1.55.zz};
 * for a model provisioned over TFTP the image name comes from its {@code images} patterns, component
 * by component: {@code P0S3-(?<v1>\d{2})-(?<v2>\d{1,2})-(?<v3>\d{2})} gives {@code P0S3-08-12-00}
 * for SIP 8.12.
 */
public final class FirmwareNames {
    private FirmwareNames() {
    }

    /**
     * The application file name of {@code load} on {@code model}; for a model provisioned over
     * TFTP, the image's primary file ({@code P0S3-08-12-00.loads}).
     */
    public static String application(PhoneModel model, Load load) {
        Optional<String> known = model.release(load).flatMap(Release::app);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<ImageFormat> format = model.imageFormat(load);
        if (format.isPresent()) {
            return format.get().primaryFile(image(model, load));
        }
        return synthesize(model.applicationPatterns(), load, "application");
    }

    /**
     * The image name of {@code load} on a model provisioned over TFTP (what OS79XX.TXT and the
     * configuration files name, {@code P0S3-08-12-00}): the release's, else made from the
     * {@code images} patterns.
     */
    public static String image(PhoneModel model, Load load) {
        ImageFormat f = model.imageFormat(load).orElseThrow(() -> new IllegalArgumentException(model.name()
                + " has no image format for " + load));
        Optional<String> known = model.release(load).flatMap(Release::app).flatMap(f::imageOfPrimary);
        if (known.isPresent()) {
            return known.get();
        }
        for (Pattern p : f.names()) {
            Optional<String> name = PatternExample.of(p.pattern(), load.version());
            if (name.isPresent() && f.loadOf(name.get()).filter(load::equals).isPresent()) {
                return name.get();
            }
        }
        throw new IllegalArgumentException("cannot make an image name for " + load + " from the matrix's patterns");
    }

    /** The TelConf file name of {@code load} on {@code model}. */
    public static String config(PhoneModel model, Load load) {
        return model.release(load).flatMap(Release::config)
                .orElseGet(() -> synthesize(model.configPatterns(), load, "configuration"));
    }

    private static String synthesize(List<FilePattern> patterns, Load load, String what) {
        for (FilePattern p : patterns) {
            if (p.protocol().isEmpty() || !p.protocol().get().equals(load.protocol())) {
                continue;
            }
            Optional<String> name = PatternExample.of(p.pattern().pattern(), load.version());
            if (name.isPresent() && p.loadOf(name.get()).filter(load::equals).isPresent()) {
                return name.get();
            }
        }
        throw new IllegalArgumentException("cannot make a " + what + " file name for " + load
                + " from the matrix's patterns");
    }

    /**
     * Writes the shortest example of a simple regular expression: literals and escapes, character
     * classes, groups with {@code ? * + {n}} quantifiers and alternatives (the first is taken);
     * the named group {@code version} is replaced by the version, and a group {@code v1},
     * {@code v2}, ... by that component of the version (0 when it has fewer), with leading zeros up
     * to the group's shortest width. Empty when the pattern uses anything else.
     */
    static final class PatternExample {
        private static final Pattern COMPONENT = Pattern.compile("v([1-9]\\d?)");
        private final String re;
        private final Version version;
        private int i;

        private PatternExample(String re, Version version) {
            this.re = re;
            this.version = version;
        }

        static Optional<String> of(String regex, String version) {
            return of(regex, Version.parse(version));
        }

        static Optional<String> of(String regex, Version version) {
            PatternExample ex = new PatternExample(regex, version);
            try {
                StringBuilder out = new StringBuilder();
                ex.sequence(out);
                return ex.i == regex.length() ? Optional.of(out.toString()) : Optional.empty();
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }

        /** Up to the end, a ')' or a '|' (the rest of an alternation is skipped). */
        private void sequence(StringBuilder out) {
            while (i < re.length() && re.charAt(i) != ')') {
                if (re.charAt(i) == '|') {
                    skipAlternatives();
                    return;
                }
                StringBuilder atom = new StringBuilder();
                atom(atom);
                int times = quantifier();
                out.append(atom.toString().repeat(times));
            }
        }

        private void atom(StringBuilder out) {
            char c = re.charAt(i++);
            switch (c) {
                case '^', '$' -> { }
                case '\\' -> out.append(escape(re.charAt(i++)));
                case '[' -> out.append(charClass());
                case '.' -> out.append('x');
                case '(' -> group(out);
                case '*', '+', '?', '{', ']', '}' -> throw new IllegalArgumentException("unsupported");
                default -> out.append(c);
            }
        }

        private void group(StringBuilder out) {
            String name = null;
            if (re.startsWith("?:", i)) {
                i += 2;
            } else if (re.startsWith("?<", i) && !re.startsWith("?<=", i) && !re.startsWith("?<!", i)) {
                int end = re.indexOf('>', i);
                name = re.substring(i + 2, end);
                i = end + 1;
            } else if (re.startsWith("?i)", i)) {
                i += 3;
                return;
            } else if (re.charAt(i) == '?') {
                throw new IllegalArgumentException("unsupported group");
            }
            StringBuilder inner = new StringBuilder();
            sequence(inner);
            if (re.charAt(i++) != ')') {
                throw new IllegalArgumentException("unbalanced");
            }
            out.append("version".equals(name) ? version.toString() : name != null && COMPONENT.matcher(name).matches()
                    ? component(Integer.parseInt(name.substring(1)), inner.length()) : inner);
        }

        /** Component {@code n} (from 1) of the version, zero-padded to {@code width} digits. */
        private String component(int n, int width) {
            String[] parts = version.toString().split("\\.");
            String digits = n <= parts.length ? String.valueOf(Integer.parseInt(parts[n - 1])) : "0";
            return "0".repeat(Math.max(0, width - digits.length())) + digits;
        }

        private void skipAlternatives() {
            int depth = 0;
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                i++;
            }
        }

        private int quantifier() {
            if (i >= re.length()) {
                return 1;
            }
            char c = re.charAt(i);
            if (c == '?' || c == '*') {
                i++;
                return 0;
            }
            if (c == '+') {
                i++;
                return 1;
            }
            if (c == '{') {
                int end = re.indexOf('}', i);
                String body = re.substring(i + 1, end);
                i = end + 1;
                return Integer.parseInt(body.split(",", -1)[0].trim());
            }
            return 1;
        }

        private static char escape(char c) {
            return switch (c) {
                case 'd' -> '0';
                case 'w' -> 'a';
                case 's', 'S', 'D', 'W', 'b', 'B' -> throw new IllegalArgumentException("unsupported escape");
                default -> c;
            };
        }

        /** The first member of a class such as {@code [\w.]} or {@code [0-9]}. */
        private char charClass() {
            if (re.charAt(i) == '^') {
                throw new IllegalArgumentException("negated class");
            }
            char first = re.charAt(i) == '\\' ? escape(re.charAt(i + 1)) : re.charAt(i);
            int end = i;
            while (re.charAt(end) != ']') {
                end += re.charAt(end) == '\\' ? 2 : 1;
            }
            i = end + 1;
            return first;
        }
    }
}
