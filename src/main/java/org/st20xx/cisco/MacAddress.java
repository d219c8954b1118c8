package org.st20xx.cisco;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.st20xx.St20xxException;

/**
 * A phone's MAC address as its provisioning file names spell it: 12 hexadecimal digits in
 * capitals ({@code SIP001A2B3C4D5E.cnf}, seed 001: "The MAC address must be specified in capital
 * letters"). Read from any usual notation: {@code 00:1a:2b:3c:4d:5e}, {@code 00-1A-2B-3C-4D-5E},
 * {@code 001A.2B3C.4D5E}, {@code 001a2b3c4d5e}.
 */
public record MacAddress(String hex) {
    private static final Pattern HEX12 = Pattern.compile("[0-9A-F]{12}");
    private static final Pattern[] NOTATIONS = {
        Pattern.compile("[0-9A-Fa-f]{12}"),
        Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}"),
        Pattern.compile("[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){5}"),
        Pattern.compile("[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4}){2}"),
    };

    public MacAddress {
        Objects.requireNonNull(hex, "hex");
        if (!HEX12.matcher(hex).matches()) {
            throw new IllegalArgumentException("not 12 upper-case hexadecimal digits: " + hex);
        }
    }

    /** Parses a MAC; a bad one is a usage error naming {@code option}, e.g. {@code --mac}. */
    public static MacAddress parse(String text, String option) {
        String t = text == null ? "" : text.trim();
        for (Pattern p : NOTATIONS) {
            if (p.matcher(t).matches()) {
                return new MacAddress(t.replaceAll("[:.\\-]", "").toUpperCase(Locale.ROOT));
            }
        }
        throw St20xxException.usage(option + " '" + text + "': not a MAC address (12 hexadecimal digits, e.g."
                + " 00:1a:2b:3c:4d:5e, 00-1A-2B-3C-4D-5E, 001A.2B3C.4D5E or 001a2b3c4d5e)");
    }

    /** True when {@code text} is 12 hexadecimal digits in capitals, as in a file name. */
    public static boolean isFileNameForm(String text) {
        return HEX12.matcher(text).matches();
    }

    @Override
    public String toString() {
        return hex;
    }
}
