package org.st20xx.convert;

import java.time.Duration;
import org.st20xx.credentials.Account;
import org.st20xx.playbook.Playbook;

/**
 * One console session with a phone, speaking the playbook's dialogue. Implemented over the expect
 * layer ({@link TelnetPhoneConsole}); every wait is bounded by the playbook's timeouts.
 */
public interface PhoneConsole extends AutoCloseable {
    /** Answers the login and password prompts; fails when the phone says the login is incorrect. */
    void login(Account account);

    /** Runs the playbook's identify command and reads what the phone runs. */
    Identity identify();

    /**
     * Types {@code line} for {@code step} and waits for the step's success pattern and then the
     * prompt (for a reboot step: the success pattern only). A failure indicator, a timeout or a
     * closed connection fails the step.
     *
     * @return what the phone printed for the step
     */
    String run(Playbook.Step step, String line);

    /** Waits until the phone closes the connection (a reboot), at most {@code deadline}. */
    void awaitDisconnect(Duration deadline);

    @Override
    void close();
}
