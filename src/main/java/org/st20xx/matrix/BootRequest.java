package org.st20xx.matrix;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file a phone asks its TFTP server for when it boots.
 *
 * @param file      the name, with {@code {MAC}} standing for the phone's MAC address in capitals
 * @param imageOnly phone versions (of the profile's protocol) that fail on this file unless it holds
 *                  nothing but the image line (Cisco SIP 2.x, "W210 TFTP Error: buffer full")
 * @param ifMissing the phone asks for this file only when that one (a file template) is missing
 * @param element   for {@link BootFileKind#SCCP_XML}: the element naming the image, with
 *                  {@code {DEVICE_TYPE}} standing for the model's device type
 */
public record BootRequest(String file, BootFileKind kind, Optional<VersionRange> imageOnly, Optional<String> ifMissing,
        String element) {
    public static final String MAC = "{MAC}";
    public static final String DEVICE_TYPE = "{DEVICE_TYPE}";

    public BootRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(imageOnly, "imageOnly");
        Objects.requireNonNull(ifMissing, "ifMissing");
        Objects.requireNonNull(element, "element");
    }

    /** The file name for the phone with this MAC (12 hex digits, capitals). */
    public String fileName(String mac) {
        return file.replace(MAC, mac);
    }

    /**
     * The names this request takes for any phone: the MAC (group 1) in capitals, the rest exactly
     * as written; with {@code anyCase}, every letter in either case (to find names a phone misses).
     */
    public Pattern names(boolean anyCase) {
        String mac = anyCase ? "([0-9A-Fa-f]{12})" : "([0-9A-F]{12})";
        String regex = java.util.Arrays.stream(file.split(Pattern.quote(MAC), -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(mac));
        return Pattern.compile(regex, anyCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    public boolean perPhone() {
        return file.contains(MAC);
    }

    public String element(String deviceType) {
        return element.replace(DEVICE_TYPE, deviceType);
    }

    public boolean imageOnlyFor(Version running) {
        return imageOnly.map(r -> r.contains(running)).orElse(false);
    }

    /** True when the phone always asks for it (not only as the fallback of a missing file). */
    public boolean always() {
        return ifMissing.isEmpty();
    }
}
