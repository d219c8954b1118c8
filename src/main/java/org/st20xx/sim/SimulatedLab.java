package org.st20xx.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.st20xx.St20xxException;

/**
 * A bench of simulated ST20xx phones on loopback, each with its own telnet and HTTP port: what
 * {@code st20xx sim} runs, and what tests and the demo start in their own JVM.
 *
 * <pre>
 * try (SimulatedLab lab = SimulatedLab.start(SimConfig.builder("ST2030", "sip:2.67").count(2)
 *         .tftpPort(tftpPort).bootTime(Duration.ofMillis(200)).telnetEnabled(true).build())) {
 *     InetSocketAddress console = lab.phone(1).telnetAddress();
 *     ...
 *     lab.phone(1).powerCycle();
 *     PhoneState s = lab.phone(1).state();
 * }
 * </pre>
 *
 * Threads: one per console session, two per phone web server (the JDK server's dispatcher and
 * timer), and, shared by the lab, one telnet acceptor, one boot scheduler and a pool for web
 * handlers; a lab of Cisco phones also has a pool of at most {@value #MAX_BOOT_THREADS} threads
 * for their TFTP boots.
 */
public final class SimulatedLab implements AutoCloseable {
    /** Most Cisco phones of one lab that run their TFTP boot at the same time; the others wait their turn. */
    public static final int MAX_BOOT_THREADS = 16;
    private final SimConfig config;
    private final List<SimulatedPhone> phones = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemons("sim-boot"));
    private final ExecutorService webExecutor = Executors.newCachedThreadPool(daemons("sim-web"));
    private final TelnetAcceptor acceptor;
    private final ExecutorService bootPool;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SimulatedLab(SimConfig config) {
        this.config = config;
        this.bootPool = config.model().provisionedOverTftp()
                ? Executors.newFixedThreadPool(Math.min(config.count(), MAX_BOOT_THREADS), daemons("sim-tftp-boot"))
                : null;
        try {
            this.acceptor = new TelnetAcceptor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the telnet ports", e);
        }
    }

    /**
     * Reserves every phone's ports, writes the state files and powers the phones on; when this
     * returns, every phone answers HTTP (and telnet, when enabled). A port that is taken or a
     * state directory that cannot be made is a {@link St20xxException} (exit 2).
     */
    public static SimulatedLab start(SimConfig config) {
        SimulatedLab lab = new SimulatedLab(config);
        try {
            lab.createPhones();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void createPhones() {
        config.stateDir().ifPresent(d -> {
            try {
                Files.createDirectories(d);
            } catch (IOException e) {
                throw St20xxException.usage("--state-dir " + d + ": cannot create it (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        });
        for (int n = 1; n <= config.count(); n++) {
            ReservedPort telnet = reserve("telnet", n, config.telnetPortBase());
            ReservedPort http;
            try {
                http = reserve("http", n, config.httpPortBase());
            } catch (RuntimeException e) {
                SimulatedPhone.closeQuietly(telnet);
                throw e;
            }
            phones.add(SimulatedPhone.create(n, this, telnet, http));
        }
        phones.forEach(SimulatedPhone::powerOn);
    }

    private ReservedPort reserve(String what, int n, int base) {
        int port = base == 0 ? 0 : base + n - 1;
        try {
            return ReservedPort.reserve(config.address(n), port);
        } catch (IOException e) {
            throw St20xxException.usage("phone " + n + ": cannot use " + ReservedPort.text(
                    new InetSocketAddress(config.address(n), port)) + " for " + what + " (" + e.getMessage() + ")");
        }
    }

    public SimConfig config() {
        return config;
    }

    /** The phones, phone 1 first. */
    public List<SimulatedPhone> phones() {
        return List.copyOf(phones);
    }

    /** Phone {@code number} (from 1). */
    public SimulatedPhone phone(int number) {
        if (number < 1 || number > phones.size()) {
            throw new IllegalArgumentException("there is no phone " + number + " (1 to " + phones.size() + ")");
        }
        return phones.get(number - 1);
    }

    /**
     * The line {@code st20xx sim} prints for a phone: {@code phone N telnet ADDR:PORT http ADDR:PORT},
     * followed by {@code mac MAC} for a Cisco phone (the MAC its file names carry).
     */
    public static String describe(SimulatedPhone p) {
        return "phone " + p.number() + " telnet " + ReservedPort.text(p.telnetAddress()) + " http "
                + ReservedPort.text(p.httpAddress()) + (p instanceof CiscoPhone c ? " mac " + c.mac() : "");
    }

    /**
     * Serves the control lines of {@code st20xx sim}'s standard input on a daemon thread until
     * it ends: {@code power-cycle N} power-cycles phone N and answers {@code phone N power-cycled}
     * on {@code out}; anything else is an {@code error:} line on {@code err}. The end of the input
     * does not stop the lab.
     */
    public void serveControl(InputStream in, PrintWriter out, PrintWriter err) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    control(line.strip(), out, err);
                }
            } catch (IOException | UncheckedIOException e) {
                // no more control input
            }
        }, "sim-control");
        t.setDaemon(true);
        t.start();
    }

    void control(String line, PrintWriter out, PrintWriter err) {
        if (line.isEmpty()) {
            return;
        }
        String[] w = line.split("\\s+");
        if (w.length == 2 && w[0].equals("power-cycle") && w[1].matches("\\d{1,6}")
                && Integer.parseInt(w[1]) >= 1 && Integer.parseInt(w[1]) <= phones.size()) {
            SimulatedPhone p = phone(Integer.parseInt(w[1]));
            p.powerCycle();
            out.println("phone " + p.number() + (p.state().bricked() ? " is bricked: power-cycling does not revive it"
                    : " power-cycled"));
            out.flush();
        } else {
            err.println("error: unknown control line '" + line + "' (power-cycle N, N from 1 to " + phones.size() + ")");
            err.flush();
        }
    }

    /** Blocks until {@link #close()}. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Closes every port and session; state files stay as they are. */
    @Override
    public void close() {
        phones.forEach(SimulatedPhone::shutdown);
        acceptor.close();
        scheduler.shutdownNow();
        webExecutor.shutdownNow();
        if (bootPool != null) {
            bootPool.shutdownNow();
        }
        closed.countDown();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where Cisco phones run their TFTP boots (null in an ST20xx lab). */
    ExecutorService bootPool() {
        return bootPool;
    }

    ExecutorService webExecutor() {
        return webExecutor;
    }

    TelnetAcceptor acceptor() {
        return acceptor;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
