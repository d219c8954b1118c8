package org.st20xx.batch;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks addresses as typed by a technician, without resolving or contacting anything. */
public final class Addresses {
    private static final Pattern DOTTED = Pattern.compile("[0-9.]+");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private Addresses() {
    }

    /** Empty when {@code host} is an IPv4 address, an IPv6 literal or a host name; else what is wrong. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("the address is empty");
        }
        String h = host.trim();
        if (DOTTED.matcher(h).matches()) {
            String[] parts = h.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.of("'" + h + "' is not an IPv4 address (four numbers 0-255 separated by dots)");
            }
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                    return Optional.of("'" + h + "' is not an IPv4 address (each part is a number 0-255)");
                }
            }
            return Optional.empty();
        }
        if (h.contains(":")) {
            return IPV6.matcher(h).matches() && h.chars().filter(c -> c == ':').count() >= 2 ? Optional.empty()
                    : Optional.of("'" + h + "' is not an IPv6 address");
        }
        return HOSTNAME.matcher(h).matches() ? Optional.empty()
                : Optional.of("'" + h + "' is not an address or host name");
    }

    /** A TCP/UDP port number, or what is wrong with it. */
    public static Optional<String> portProblem(String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            return Optional.of("'" + text + "' is not a port (1-65535)");
        }
        return Optional.empty();
    }
}
