package org.st20xx.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.st20xx.credentials.Account;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.sim.Flash.CleanStep;

/**
 * One simulated ST20xx phone: flash, reboots, bricking, faults, its telnet console and its web
 * pages. Tests and technicians see it only through the console, HTTP, its state file and
 * {@link #powerCycle()}.
 *
 * <p>All state is guarded by the phone's monitor. A console session carries the phone's
 * <em>generation</em> from when it was accepted; every power-off (reboot, power loss, brick)
 * starts a new generation, so what a session of an older one asks for is ignored.
 */
final class ThomsonPhone extends SimulatedPhone {
    private static final System.Logger LOG = System.getLogger(ThomsonPhone.class.getName());
    private static final Map<String, String> HARDWARE = Map.of("ST2030", "hw5", "ST2022", "hw2");

    private final String mac;
    private final List<Fault> faults;
    /** How many times each command's first word was typed on this phone (for faults on the N-th time). */
    private final java.util.Map<String, Integer> typedCount = new java.util.HashMap<>();
    private final Flash flash;
    private final Set<Socket> sessions = new HashSet<>();

    private PhoneStatus status = PhoneStatus.RUNNING;
    private Load runningLoad;
    private String runningApp;
    private Dsp runningDsp;
    private boolean telnetEnabled;
    private int reboots;
    private long generation;
    private int flashPhases;
    private String brickReason;
    private String lastCommand;
    private ServerSocketChannel telnetListener;

    ThomsonPhone(int number, SimulatedLab lab, ReservedPort telnetPort, ReservedPort httpPort) {
        super(number, lab, telnetPort, httpPort);
        this.mac = String.format(Locale.ROOT, "00-14-7F-E1-%02X-%02X", (number >> 8) & 0xff, number & 0xff);
        this.faults = new ArrayList<>(config.faults().stream().filter(f -> f.appliesTo(number)).toList());
        SimConfig.Start s = config.start();
        this.flash = new Flash(s.app(), s.load(), s.dsp(), s.config());
        this.runningLoad = s.load();
        this.runningApp = s.app();
        this.runningDsp = s.dsp();
        this.telnetEnabled = config.telnetEnabled();
    }

    // ---- public API --------------------------------------------------------------------------

    @Override
    public synchronized PhoneState state() {
        return new PhoneState(number, model.name(), runningLoad.protocol(), runningLoad.version().toString(), runningApp,
                runningDsp.file(), flash.config(), telnetEnabled, status == PhoneStatus.BRICKED, reboots,
                status.word(), configValid(), flash.configProtocol(), flash.app(), flash.dsp().file(), brickReason,
                lastCommand, mac, ReservedPort.text(telnetAddress()), ReservedPort.text(httpAddress()), null, null,
                null);
    }

    /**
     * Cuts the power and turns it on again: the phone boots what is in flash (which may brick it
     * or leave it misconfigured). A stuck phone comes back this way; a bricked one stays bricked;
     * cutting the power while a flash write runs bricks the phone.
     */
    @Override
    public synchronized void powerCycle() {
        if (status == PhoneStatus.BRICKED) {
            return;
        }
        if (flashPhases > 0) {
            brick("power lost during a flash write");
            return;
        }
        powerOff(PhoneStatus.BOOTING);
        scheduleBoot();
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Override
    synchronized void powerOn() {
        openListeners();
        writeState();
    }

    @Override
    synchronized void shutdown() {
        generation++;
        closeListenersAndSessions();
        closeQuietly(telnetPort);
        closeQuietly(httpPort);
    }

    /**
     * Everything goes silent. The state file is written first, so whoever sees the connection
     * drop finds the new state already there.
     */
    private void powerOff(PhoneStatus next) {
        generation++;
        flashPhases = 0;
        status = next;
        writeState();
        closeListenersAndSessions();
    }

    private void scheduleBoot() {
        long gen = generation;
        lab.scheduler().schedule(() -> boot(gen), config.bootTime().toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void boot(long gen) {
        if (gen != generation || status != PhoneStatus.BOOTING) {
            return;
        }
        reboots++;
        Flash.Boot b = flash.boot(model, runningLoad);
        runningLoad = flash.appLoad();
        runningApp = flash.app();
        runningDsp = flash.dsp();
        status = b.status();
        brickReason = b.reason().orElse(null);
        if (status.up()) {
            openListeners();
        }
        writeState();
    }

    private void brick(String reason) {
        brickReason = reason;
        runningLoad = flash.appLoad();
        runningApp = flash.app();
        runningDsp = flash.dsp();
        powerOff(PhoneStatus.BRICKED);
    }

    private void openListeners() {
        if (telnetEnabled) {
            openTelnet();
        }
        openWeb();
    }

    @Override
    HttpServer startWeb() throws IOException {
        return WebInterface.start(this, httpPort, lab.webExecutor());
    }

    private void openTelnet() {
        if (telnetListener != null) {
            return;
        }
        try {
            telnetListener = lab.acceptor().open(telnetAddress(), this::accepted);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "phone " + number + ": cannot listen for telnet on "
                    + ReservedPort.text(telnetAddress()) + ": " + e.getMessage());
        }
    }

    private void closeTelnet() {
        if (telnetListener != null) {
            lab.acceptor().close(telnetListener);
            telnetListener = null;
        }
    }

    private void closeListenersAndSessions() {
        closeTelnet();
        closeWeb();
        for (Socket s : sessions) {
            try {
                s.shutdownOutput();
            } catch (IOException e) {
                // closing anyway
            }
            closeQuietly(s);
        }
        sessions.clear();
    }

    /** A new telnet connection, on its own thread: becomes a console session, or is turned away. */
    private void accepted(ServerSocketChannel from, Socket s) {
        Thread.currentThread().setName("sim-phone-" + number + "-console");
        admit(from, s).ifPresent(ConsoleSession::run);
    }

    private synchronized Optional<ConsoleSession> admit(ServerSocketChannel from, Socket s) {
        if (from != telnetListener || !status.up()) {
            closeQuietly(s);
            return Optional.empty();
        }
        if (sessions.size() >= MAX_SESSIONS) {
            try {
                s.getOutputStream().write("Error: too many telnet sessions\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // it goes anyway
            }
            closeQuietly(s);
            return Optional.empty();
        }
        sessions.add(s);
        return Optional.of(new ConsoleSession(this, s, generation));
    }

    // ---- what the console and the web pages ask for -----------------------------------------

    synchronized void sessionEnded(Socket s) {
        sessions.remove(s);
    }

    /** The console account of the protocol that runs. */
    synchronized Account consoleAccount() {
        return config.credentials().console(runningLoad.protocol());
    }

    Account webAccount() {
        return config.credentials().web();
    }

    synchronized String runningProtocol() {
        return runningLoad.protocol();
    }

    /**
     * A command line arrived: note it, and take the fault it triggers, if any. The state file is
     * rewritten only when a fault fires: typing a command that changes nothing (sys info, a dry
     * run's login) leaves it as it was; the next change records the command.
     */
    synchronized Optional<FaultKind> typed(long gen, String line, String word) {
        if (gen != generation) {
            return Optional.empty();
        }
        lastCommand = line;
        int times = typedCount.merge(word, 1, Integer::sum);
        Optional<Fault> f = faults.stream().filter(x -> x.command().equals(word) && x.occurrence() == times).findFirst();
        f.ifPresent(faults::remove);
        if (f.isPresent()) {
            writeState();
        }
        return f.map(Fault::kind);
    }

    /** Starts a flash write; false when the phone went away meanwhile. */
    synchronized boolean beginFlash(long gen) {
        if (gen != generation) {
            return false;
        }
        flashPhases++;
        return true;
    }

    synchronized void endFlash(long gen) {
        if (gen == generation && flashPhases > 0) {
            flashPhases--;
        }
    }

    synchronized boolean writeImage(long gen, FirmwareImage img) {
        if (gen != generation) {
            return false;
        }
        if (img.kind() == ImageKind.APPLICATION) {
            flash.writeApplication(img.name(), img.load().orElseThrow());
        } else {
            flash.writeDsp(model.dspByFile(img.name()).orElseThrow());
        }
        writeState();
        return true;
    }

    synchronized boolean storeConfig(long gen, FirmwareImage img) {
        if (gen != generation) {
            return false;
        }
        flash.storeConfig(img.name());
        writeState();
        return true;
    }

    synchronized void clean(long gen, CleanStep step) {
        if (gen == generation) {
            flash.clean(step);
            writeState();
        }
    }

    /** The answer to {@code sys info}. */
    synchronized List<String> info() {
        return List.of("Model: " + model.name() + " " + hardware(),
                "Protocol: " + runningLoad.protocol().toUpperCase(Locale.ROOT),
                "Application: " + runningApp,
                "Version: " + runningLoad.version(),
                "DSP: " + runningDsp.file(),
                "Config: " + configText(),
                "MAC: " + mac);
    }

    /** {@code TelConf2030SG_v1.66.2.txt (ok)}, {@code none (ERROR: configuration of another protocol)}. */
    synchronized String configText() {
        return (flash.config() == null ? "none" : flash.config())
                + (configValid() ? " (ok)" : " (ERROR: configuration of another protocol)");
    }

    /** {@code THOMSON ST2030 hw5 fw2.74 00-14-7F-E1-47-B3}, the public User-Agent's wording. */
    synchronized String userAgent() {
        return "THOMSON " + model.name() + " " + hardware() + " fw" + runningLoad.version() + " " + mac;
    }

    String hardware() {
        return HARDWARE.getOrDefault(model.name(), "hw1");
    }

    private boolean configValid() {
        return runningLoad.protocol().equals(flash.configProtocol());
    }

    /**
     * {@code reboot}: off now, back after the boot time (or never, for a {@code no-return}
     * fault). Rebooting while another session's flash write runs bricks the phone, as a power
     * loss would.
     */
    synchronized void reboot(long gen, boolean noReturn) {
        if (gen != generation) {
            return;
        }
        if (flashPhases > 0) {
            brick("rebooted during a flash write");
            return;
        }
        powerOff(noReturn ? PhoneStatus.STUCK : PhoneStatus.BOOTING);
        if (!noReturn) {
            scheduleBoot();
        }
    }

    /** A {@code power-loss} fault: a brick during a flash phase, else a boot from flash. */
    synchronized void powerLoss(long gen, String command, boolean flashPhase) {
        if (gen != generation) {
            return;
        }
        if (flashPhase) {
            brick("power lost during '" + command + "'");
        } else {
            powerOff(PhoneStatus.BOOTING);
            scheduleBoot();
        }
    }

    /** A {@code no-return} fault on a command that is not a reboot: the phone goes silent. */
    synchronized void freeze(long gen) {
        reboot(gen, true);
    }

    /** The telnet.html checkbox: the setting survives reboots. */
    synchronized void setTelnetEnabled(boolean on) {
        if (telnetEnabled == on) {
            return;
        }
        telnetEnabled = on;
        if (on && status.up()) {
            openTelnet();
        } else if (!on) {
            closeTelnet();
        }
        writeState();
    }

    synchronized boolean telnetEnabled() {
        return telnetEnabled;
    }
}
