package org.st20xx.credentials;

import java.io.Console;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.st20xx.St20xxException;
import org.st20xx.yaml.YamlChecker;
import org.st20xx.yaml.YamlTreeReader;

/**
 * Builds {@link Credentials} for a set of protocols. For each profile ({@code sip}, {@code mgcp},
 * ..., {@code web}) the first that has it wins: the credentials file, then the environment
 * ({@code ST20XX_<PROFILE>_USER}, {@code ST20XX_<PROFILE>_PASSWORD}), then the seed's defaults.
 * A profile in the file with a user but no password is asked for on the terminal with hidden
 * input; without a terminal that is an error.
 *
 * <p>File format:
 * <pre>
 * sip:  { user: administrator, password: "789234" }
 * mgcp: { user: administrator, password: "789234" }
 * web:  { user: administrator, password: "784518" }
 * </pre>
 */
public final class CredentialsLoader {
    private static final List<String> ACCOUNT_KEYS = List.of("user", "password");

    private CredentialsLoader() {
    }

    public static Credentials load(Optional<Path> file, Collection<String> protocols, Function<String, String> env,
            Optional<Console> terminal) {
        Map<String, Account> out = new TreeMap<>(Credentials.defaults(protocols).profiles());
        for (String profile : out.keySet().toArray(String[]::new)) {
            String prefix = "ST20XX_" + profile.toUpperCase(Locale.ROOT) + "_";
            String user = env.apply(prefix + "USER");
            String password = env.apply(prefix + "PASSWORD");
            if (user != null || password != null) {
                Account base = out.get(profile);
                out.put(profile, new Account(user != null ? user : base.user(),
                        password != null ? Secret.of(password) : base.password()));
            }
        }
        if (file.isPresent()) {
            out.putAll(readFile(file.get(), terminal));
        }
        return new Credentials(out);
    }

    /** The environment of this process plus its console, for the commands. */
    public static Credentials load(Optional<Path> file, Collection<String> protocols) {
        return load(file, protocols, System::getenv, Optional.ofNullable(System.console()));
    }

    private static Map<String, Account> readFile(Path file, Optional<Console> terminal) {
        String name = file.toString();
        YamlChecker check = new YamlChecker();
        Map<String, Account> out = new TreeMap<>();
        check.map(YamlTreeReader.read(file, name), "a credentials file").ifPresent(top -> {
            top.entries().forEach((profile, node) -> {
                String where = "profile '" + profile + "'";
                if (!profile.matches("[a-z][a-z0-9]*")) {
                    check.problem(top.keyLocation(profile), "profile names are lower-case words (sip, mgcp, web), not '"
                            + profile + "'");
                    return;
                }
                check.map(node, where).ifPresent(acc -> {
                    check.allowOnly(acc, ACCOUNT_KEYS, where);
                    Optional<String> user = check.requiredText(acc, "user", where);
                    Optional<String> password = check.optionalText(acc, "password", where);
                    if (user.isEmpty()) {
                        return;
                    }
                    if (password.isPresent()) {
                        out.put(profile, new Account(user.get(), Secret.of(password.get())));
                    } else {
                        Optional<Secret> typed = ask(terminal, profile, user.get());
                        if (typed.isEmpty()) {
                            check.problem(acc.location(), where + " has no password and there is no terminal to ask for it");
                        } else {
                            out.put(profile, new Account(user.get(), typed.get()));
                        }
                    }
                });
            });
            if (top.entries().isEmpty()) {
                check.problem(top.location(), "the credentials file has no profile");
            }
        });
        check.throwIfAny();
        return out;
    }

    private static Optional<Secret> ask(Optional<Console> terminal, String profile, String user) {
        if (terminal.isEmpty()) {
            return Optional.empty();
        }
        char[] typed = terminal.get().readPassword("Password for %s (%s account): ", user, profile);
        if (typed == null) {
            throw St20xxException.usage("no password typed for the " + profile + " account");
        }
        return Optional.of(Secret.of(new String(typed)));
    }
}
