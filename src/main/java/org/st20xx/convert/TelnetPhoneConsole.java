package org.st20xx.convert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.st20xx.ExitStatus;
import org.st20xx.console.ConnectionClosedException;
import org.st20xx.console.ConsoleException;
import org.st20xx.console.Transcript;
import org.st20xx.console.expect.ExpectSession;
import org.st20xx.console.expect.ExpectTimeoutException;
import org.st20xx.console.expect.FailureIndicatorException;
import org.st20xx.console.expect.Match;
import org.st20xx.console.expect.NamedPattern;
import org.st20xx.console.telnet.TelnetTransport;
import org.st20xx.credentials.Account;
import org.st20xx.playbook.Playbook;

/**
 * A phone console over telnet, speaking a playbook's dialogue through the expect layer. Every
 * wait is bounded by a playbook timeout; every failure names the step and what the phone said.
 */
public final class TelnetPhoneConsole implements PhoneConsole {
    private final ExpectSession session;
    private final Playbook playbook;
    private final List<NamedPattern> failures;
    private final NamedPattern prompt;

    private TelnetPhoneConsole(ExpectSession session, Playbook playbook) {
        this.session = session;
        this.playbook = playbook;
        this.failures = new ArrayList<>();
        for (int i = 0; i < playbook.failureIndicators().size(); i++) {
            failures.add(new NamedPattern("failure:" + (i + 1), NamedPattern.Kind.FAILURE,
                    playbook.failureIndicators().get(i)));
        }
        this.prompt = new NamedPattern("prompt", NamedPattern.Kind.PROMPT, playbook.login().prompt());
    }

    /** Connects over telnet, recording the dialogue in {@code transcript} (secrets masked there). */
    public static ConsoleConnector connector(Transcript transcript) {
        Objects.requireNonNull(transcript, "transcript");
        return (host, port, playbook) -> {
            TelnetTransport transport = new TelnetTransport(host, port);
            transport.connect(playbook.connection().connectTimeout());
            ExpectSession session = ExpectSession.over(transport).lineEnding(playbook.connection().newline())
                    .transcript(transcript).build();
            return new TelnetPhoneConsole(session, playbook);
        };
    }

    @Override
    public void login(Account account) {
        Playbook.Login login = playbook.login();
        NamedPattern user = new NamedPattern("login prompt", NamedPattern.Kind.PROMPT, login.userPrompt());
        NamedPattern password = new NamedPattern("password prompt", NamedPattern.Kind.PROMPT, login.passwordPrompt());
        NamedPattern refused = new NamedPattern("login refused", NamedPattern.Kind.FAILURE, login.failure());
        try {
            session.expect(user, login.timeout());
            session.send(account.user());
            session.expect(List.of(password, refused), login.timeout());
            session.sendSecret(account.password().reveal(), "password");
            session.expect(List.of(prompt, refused), login.timeout());
        } catch (FailureIndicatorException e) {
            throw new LoginFailedException("the phone refused the login " + account + " ('" + e.matched().strip() + "')");
        } catch (ConsoleException e) {
            throw failure("login", "login dialogue: ", e);
        }
    }

    @Override
    public Identity identify() {
        Playbook.Identify id = playbook.identify();
        session.takeUnread();
        session.send(id.command());
        List<NamedPattern> wanted = new ArrayList<>(failures);
        wanted.add(0, prompt);
        try {
            Match m = session.expect(wanted, id.timeout());
            return IdentityParser.parse(id, m.before());
        } catch (ConsoleException e) {
            throw failure("identify", "'" + id.command() + "': ", e);
        }
    }

    @Override
    public String run(Playbook.Step step, String line) {
        session.takeUnread();
        session.send(line);
        List<NamedPattern> wanted = new ArrayList<>();
        wanted.add(new NamedPattern("ok", NamedPattern.Kind.TEXT, step.ok()));
        wanted.addAll(failures);
        try {
            Match ok = session.expect(wanted, step.timeout());
            if (step.reboot()) {
                return ok.before() + ok.matched();
            }
            Match done = session.expect(List.of(prompt), playbook.login().timeout());
            return ok.before() + ok.matched() + done.before();
        } catch (FailureIndicatorException e) {
            throw new StepFailedException(step.name(), "'" + line + "': the phone answered '" + e.matched().strip() + "'", e);
        } catch (ConsoleException e) {
            throw failure(step.name(), "'" + line + "': ", e);
        }
    }

    @Override
    public void awaitDisconnect(Duration deadline) {
        try {
            session.awaitClose(deadline, failures);
        } catch (ExpectTimeoutException e) {
            throw new StepFailedException("reboot", "the phone kept its console open " + deadline.toSeconds()
                    + "s after the reboot command: it does not seem to reboot", e);
        } catch (ConsoleException e) {
            throw new StepFailedException("reboot", "while waiting for the reboot: " + describe(e), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    /** A closed or silent session is a lost console (the step may be repeated); anything else a failed step. */
    private static StepFailedException failure(String step, String prefix, ConsoleException e) {
        if (e.status() == ExitStatus.INTERRUPTED) {
            return new StepFailedException(ExitStatus.INTERRUPTED, step, prefix + "interrupted (Ctrl-C)", e);
        }
        if (e instanceof ConnectionClosedException || e instanceof ExpectTimeoutException) {
            return new ConsoleLostException(step, prefix + describe(e), e);
        }
        return new StepFailedException(step, prefix + describe(e), e);
    }

    private static String describe(ConsoleException e) {
        if (e instanceof ExpectTimeoutException t) {
            return "no answer within " + t.elapsed().toSeconds() + "s (waiting for " + String.join(" or ", t.awaited())
                    + "); it last said: " + tail(t.tail());
        }
        if (e instanceof ConnectionClosedException c) {
            return "the phone closed the connection (waiting for " + String.join(" or ", c.awaited()) + ")"
                    + (c.tail().isBlank() ? "" : "; it last said: " + tail(c.tail()));
        }
        return e.getMessage();
    }

    private static String tail(String text) {
        String t = text.strip().replace("\n", " | ");
        return t.length() > 160 ? "..." + t.substring(t.length() - 160) : t;
    }
}
