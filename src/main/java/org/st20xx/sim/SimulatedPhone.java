package org.st20xx.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.st20xx.matrix.PhoneModel;

/**
 * One simulated phone of a {@link SimulatedLab}: an ST20xx phone driven over its telnet console, or
 * a Cisco 7940/7960 that provisions itself from TFTP files when it boots. Tests and technicians see
 * it only through its ports, its state file and {@link #powerCycle()}.
 */
public abstract class SimulatedPhone {
    /** Telnet sessions one phone serves at a time; more are turned away. */
    public static final int MAX_SESSIONS = 4;
    private static final System.Logger LOG = System.getLogger(SimulatedPhone.class.getName());

    final int number;
    final SimulatedLab lab;
    final SimConfig config;
    final PhoneModel model;
    final ReservedPort telnetPort;
    final ReservedPort httpPort;
    private final Optional<Path> stateFile;
    /** The phone's web server while it answers HTTP; guarded by the subclass's monitor. */
    private HttpServer web;

    SimulatedPhone(int number, SimulatedLab lab, ReservedPort telnetPort, ReservedPort httpPort) {
        this.number = number;
        this.lab = lab;
        this.config = lab.config();
        this.model = config.model();
        this.telnetPort = telnetPort;
        this.httpPort = httpPort;
        this.stateFile = config.stateDir().map(d -> PhoneState.file(d, number));
    }

    /** The phone of the lab's model: a Cisco phone when the model provisions itself over TFTP. */
    static SimulatedPhone create(int number, SimulatedLab lab, ReservedPort telnetPort, ReservedPort httpPort) {
        return lab.config().model().provisionedOverTftp() ? new CiscoPhone(number, lab, telnetPort, httpPort)
                : new ThomsonPhone(number, lab, telnetPort, httpPort);
    }

    /** 1 for the first phone. */
    public int number() {
        return number;
    }

    public InetSocketAddress telnetAddress() {
        return telnetPort.address();
    }

    public InetSocketAddress httpAddress() {
        return httpPort.address();
    }

    /** {@code STATE_DIR/phone-N.json}, when the lab has a state directory. */
    public Optional<Path> stateFile() {
        return stateFile;
    }

    /** What the state file says now. */
    public abstract PhoneState state();

    /**
     * Cuts the power and turns it on again: the phone boots what is in flash (a Cisco phone then
     * asks its TFTP server for its files). A bricked phone stays bricked.
     */
    public abstract void powerCycle();

    /** Opens its ports and writes its first state file, as the lab starts. */
    abstract void powerOn();

    /** Closes every port and session for good, as the lab closes. */
    abstract void shutdown();

    PhoneModel model() {
        return model;
    }

    SimConfig config() {
        return config;
    }

    /** Starts the phone's web pages on its HTTP port (on the lab's executor). */
    abstract HttpServer startWeb() throws IOException;

    /** Serves the web pages, unless they are served already; a port that cannot be used is logged. */
    void openWeb() {
        if (web != null) {
            return;
        }
        try {
            web = startWeb();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "phone " + number + ": cannot serve HTTP on "
                    + ReservedPort.text(httpAddress()) + ": " + e.getMessage());
        }
    }

    /** Stops the web pages: connections to the HTTP port are refused until {@link #openWeb()}. */
    void closeWeb() {
        if (web != null) {
            web.stop(0);
            web = null;
        }
    }

    /** Rewrites the state file (when the lab has a state directory) with {@link #state()}. */
    void writeState() {
        if (stateFile.isEmpty()) {
            return;
        }
        try {
            state().write(stateFile.get());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "phone " + number + ": cannot write " + stateFile.get() + ": " + e);
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
