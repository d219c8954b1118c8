package org.st20xx.credentials;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.st20xx.St20xxException;

/**
 * Accounts by profile: one per console protocol ({@code sip}, {@code mgcp}, ...) and {@code web}
 * for the phone's web pages (telnet.html).
 */
public record Credentials(Map<String, Account> profiles) {
    /** Seed 000 s5: telnet login administrator / 789234 (assumed for both protocols, A-4). */
    public static final Account DEFAULT_CONSOLE = new Account("administrator", Secret.of("789234"));
    /** Seed 000 s4: web login administrator / 784518. */
    public static final Account DEFAULT_WEB = new Account("administrator", Secret.of("784518"));
    public static final String WEB = "web";

    public Credentials {
        profiles = Map.copyOf(new TreeMap<>(Objects.requireNonNull(profiles, "profiles")));
    }

    /** The seed's defaults for the given console protocols, plus the web account. */
    public static Credentials defaults(Collection<String> protocols) {
        Map<String, Account> m = new TreeMap<>();
        for (String p : protocols) {
            m.put(p.toLowerCase(Locale.ROOT), DEFAULT_CONSOLE);
        }
        m.put(WEB, DEFAULT_WEB);
        return new Credentials(m);
    }

    /** The console account of {@code protocol}. */
    public Account console(String protocol) {
        Account a = profiles.get(protocol.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw St20xxException.usage("no credentials for the " + protocol.toUpperCase(Locale.ROOT)
                    + " console account (add a '" + protocol.toLowerCase(Locale.ROOT) + "' profile to the credentials file)");
        }
        return a;
    }

    public Account web() {
        Account a = profiles.get(WEB);
        return a == null ? DEFAULT_WEB : a;
    }

    /** Every password, for registering with a transcript masker. */
    public Collection<Secret> secrets() {
        return profiles.values().stream().map(Account::password).distinct().toList();
    }
}
