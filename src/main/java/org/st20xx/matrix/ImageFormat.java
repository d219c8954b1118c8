package org.st20xx.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the images of one protocol and version range are named and fetched, for models whose
 * firmware is one image the phone pulls itself over TFTP (Cisco 7940/7960). The image name is
 * what provisioning files write (OS79XX.TXT, {@code image_version}, {@code loadInformation}): the
 * file name without its extension.
 *
 * @param names    regular expressions over image names; each reads the version (groups v1, v2...)
 * @param loader   for universal-application-loader images: how the loader's name follows from the
 *                 image's name (OS79XX.TXT names the loader); empty when the image loads alone
 * @param fetch    the files the phone fetches to install an image, in order; the first is the
 *                 image's primary file (what a firmware directory is searched for)
 * @param example  an image name of this format, e.g. {@code P0S30203}
 */
public record ImageFormat(String protocol, VersionRange versions, List<Pattern> names, Optional<Rename> loader,
        List<Fetch> fetch, String example, String source) {

    /** A name derived from another by one regular-expression replacement. */
    public record Rename(Pattern match, String replacement) {
        public Rename {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(replacement, "replacement");
        }

        public String apply(String name) {
            return match.matcher(name).replaceFirst(Matcher.quoteReplacement(replacement));
        }

        /**
         * The name this rename was applied to, when it swaps one literal prefix for another
         * ({@code ^P0S3} to {@code P003}: {@code P003-07-4-00} gives {@code P0S3-07-4-00}); empty for
         * any other rename, which cannot be undone from the result alone.
         */
        public Optional<String> undo(String renamed) {
            Matcher literal = LITERAL_PREFIX.matcher(match.pattern());
            if (!literal.matches() || !renamed.startsWith(replacement)) {
                return Optional.empty();
            }
            String original = literal.group(1) + renamed.substring(replacement.length());
            return apply(original).equals(renamed) ? Optional.of(original) : Optional.empty();
        }
    }

    private static final Pattern LITERAL_PREFIX = Pattern.compile("\\^([A-Za-z0-9_-]+)");

    /**
     * One file the phone fetches: a template over {@code {image}} and {@code {loader}}, fetched
     * only when the phone's current load matches {@code from} (always when empty).
     */
    public record Fetch(String template, Optional<Selector> from) {
        public Fetch {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(from, "from");
        }

        public boolean appliesFrom(Load current) {
            return from.map(s -> s.matches(current)).orElse(true);
        }

        public String file(String image, String loader) {
            return template.replace("{image}", image).replace("{loader}", loader);
        }
    }

    public ImageFormat {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(versions, "versions");
        names = List.copyOf(names);
        Objects.requireNonNull(loader, "loader");
        fetch = List.copyOf(fetch);
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(source, "source");
        if (names.isEmpty() || fetch.isEmpty()) {
            throw new IllegalArgumentException("an image format needs names and files to fetch");
        }
    }

    public boolean covers(Load load) {
        return protocol.equals(load.protocol()) && versions.contains(load.version());
    }

    /** The load an image name stands for in this format: a name pattern matches and its version lies in range. */
    public Optional<Load> loadOf(String imageName) {
        for (Pattern p : names) {
            Matcher m = p.matcher(imageName);
            if (m.matches()) {
                Optional<Version> v = FilePattern.versionOf(m).filter(versions::contains);
                if (v.isPresent()) {
                    return Optional.of(new Load(protocol, v.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The universal application loader's name for {@code image}, or the image itself when it has none. */
    public String loaderOf(String image) {
        return loader.map(r -> r.apply(image)).orElse(image);
    }

    /**
     * The image whose universal application loader is called {@code loaderName} (what OS79XX.TXT
     * names for it), e.g. {@code P003-07-4-00} gives {@code P0S3-07-4-00}; empty when this format
     * has no loader or the name is not one of its loaders.
     */
    public Optional<String> imageOfLoader(String loaderName) {
        return loader.flatMap(r -> r.undo(loaderName)).filter(img -> loadOf(img).isPresent()
                && loaderOf(img).equals(loaderName));
    }

    /** The file a firmware directory must hold for the image to count as present, e.g. {@code P0S30203.bin}. */
    public String primaryFile(String image) {
        return fetch.get(0).file(image, loaderOf(image));
    }

    /** The files a phone running {@code current} fetches to install {@code image}, in order. */
    public List<String> files(String image, Load current) {
        List<String> out = new ArrayList<>();
        for (Fetch f : fetch) {
            if (f.appliesFrom(current)) {
                out.add(f.file(image, loaderOf(image)));
            }
        }
        return out;
    }

    /** Every file of the image, whatever load the phone comes from. */
    public List<String> allFiles(String image) {
        return fetch.stream().map(f -> f.file(image, loaderOf(image))).distinct().toList();
    }

    /** The image name of a primary file ({@code P0S30203.bin} gives {@code P0S30203}), when it is one. */
    public Optional<String> imageOfPrimary(String fileName) {
        String template = fetch.get(0).template();
        int at = template.indexOf("{image}");
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + "{image}".length());
        if (!fileName.startsWith(prefix) || !fileName.endsWith(suffix)
                || fileName.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String image = fileName.substring(prefix.length(), fileName.length() - suffix.length());
        return loadOf(image).isPresent() ? Optional.of(image) : Optional.empty();
    }
}
