package org.st20xx.convert;

import java.io.IOException;
import org.st20xx.playbook.Playbook;

/** Opens console sessions to a phone. */
public interface ConsoleConnector {
    /**
     * Connects to the phone's console and waits for its login prompt.
     *
     * @throws java.net.ConnectException when nothing listens (telnet off, or the phone rebooting)
     * @throws IOException               for other network failures
     */
    PhoneConsole connect(String host, int port, Playbook playbook) throws IOException;
}
