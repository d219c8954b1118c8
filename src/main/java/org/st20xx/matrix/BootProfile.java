package org.st20xx.matrix;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a phone running one protocol asks its TFTP server for when it boots, in order, and when
 * it acts on the image those files name (for models provisioned through TFTP files).
 *
 * @param decisions  by the phone's version: the request after which it compares the image the
 *                   files name with the one in flash, and fetches and flashes it when they differ
 * @param shortNames phone versions that accept only 8.3 image file names
 */
public record BootProfile(String protocol, List<BootRequest> requests, List<Decision> decisions,
        Optional<VersionRange> shortNames, String source) {

    /** For phone versions in {@code versions}: the image is decided after the request for {@code file}. */
    public record Decision(VersionRange versions, String file) {
        public Decision {
            Objects.requireNonNull(versions, "versions");
            Objects.requireNonNull(file, "file");
        }
    }

    public BootProfile {
        Objects.requireNonNull(protocol, "protocol");
        requests = List.copyOf(requests);
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(shortNames, "shortNames");
        Objects.requireNonNull(source, "source");
    }

    /** The request after which a phone running {@code version} acts on the image (empty when none is said). */
    public Optional<BootRequest> decisionPoint(Version version) {
        return decisions.stream().filter(d -> d.versions().contains(version)).findFirst()
                .flatMap(d -> request(d.file()));
    }

    public Optional<BootRequest> request(String fileTemplate) {
        return requests.stream().filter(r -> r.file().equals(fileTemplate)).findFirst();
    }

    public boolean shortNamesOnly(Version version) {
        return shortNames.map(r -> r.contains(version)).orElse(false);
    }
}
