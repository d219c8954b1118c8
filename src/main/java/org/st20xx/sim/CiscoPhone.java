package org.st20xx.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.st20xx.cisco.MacAddress;
import org.st20xx.matrix.Load;

/**
 * One simulated Cisco 7940/7960: no console; when it powers up (a power cycle) it asks its TFTP
 * server for its files over real TFTP, and converts itself when they name another image
 * ({@link CiscoBoot}): it fetches the image's files, writes them to flash and reboots onto them,
 * then asks for its files again. Its web page shows what it runs and the error on its screen.
 *
 * <p>State is guarded by the phone's monitor; a boot runs on the lab's boot pool, outside the
 * monitor, and carries the phone's <em>generation</em>: a power cycle starts a new one, and what a
 * boot of an older generation finds is dropped (its next request ends it).
 */
final class CiscoPhone extends SimulatedPhone {
    /** Requests kept in the state file: the last ones since the phone powered up. */
    static final int MAX_REQUESTS = 64;

    private final MacAddress mac;
    private final ArrayDeque<String> requests = new ArrayDeque<>();
    private PhoneStatus status;
    private Load runningLoad;
    private String runningImage;
    private Load flashLoad;
    private String flashImage;
    private String configFile;
    private String display;
    private String brickReason;
    /** Why the next boot bricks the phone: it flashed an image a matrix rule says it does not survive. */
    private String pendingBrick;
    private int reboots;
    private long generation;

    /** Thrown into a boot whose phone lost power meanwhile: the boot ends there. */
    private static final class PoweredOff extends RuntimeException {
        PoweredOff() {
            super("powered off", null, false, false);
        }
    }

    CiscoPhone(int number, SimulatedLab lab, ReservedPort telnetPort, ReservedPort httpPort) {
        super(number, lab, telnetPort, httpPort);
        this.mac = config.mac(number);
        SimConfig.Start s = config.start();
        this.runningLoad = s.load();
        this.flashLoad = s.load();
        this.runningImage = s.app();
        this.flashImage = s.app();
        this.status = s.app() == null ? PhoneStatus.FAILED : PhoneStatus.RUNNING;
        this.display = s.app() == null ? CiscoBoot.NO_LOAD_SPECIFIED : null;
    }

    /** The MAC its file names carry (SIP&lt;MAC&gt;.cnf, SEP&lt;MAC&gt;.cnf.xml). */
    MacAddress mac() {
        return mac;
    }

    @Override
    public synchronized PhoneState state() {
        return new PhoneState(number, model.name(), runningLoad.protocol(), runningLoad.version().toString(),
                runningImage, null, configFile, false, status == PhoneStatus.BRICKED, reboots, status.word(), true,
                configFile == null ? null : runningLoad.protocol(), flashImage, null, brickReason, null, mac.hex(),
                ReservedPort.text(telnetAddress()), ReservedPort.text(httpAddress()), display, List.copyOf(requests),
                config.tftpServer().getHostAddress() + ":" + config.tftpPort());
    }

    /** Cuts the power and turns it on: after the boot time it runs its flash image and asks for its files. */
    @Override
    public synchronized void powerCycle() {
        if (status == PhoneStatus.BRICKED) {
            return;
        }
        requests.clear();
        powerOff();
        scheduleBoot();
    }

    @Override
    synchronized void powerOn() {
        openWeb();
        writeState();
    }

    @Override
    synchronized void shutdown() {
        generation++;
        closeWeb();
        closeQuietly(telnetPort);
        closeQuietly(httpPort);
    }

    /** Silent until the boot: the state file says {@code booting} before the web port closes. */
    private void powerOff() {
        generation++;
        status = PhoneStatus.BOOTING;
        display = null;
        writeState();
        closeWeb();
    }

    private void scheduleBoot() {
        long gen = generation;
        lab.scheduler().schedule(() -> {
            try {
                lab.bootPool().execute(() -> boot(gen));
            } catch (RejectedExecutionException e) {
                // the lab is closing
            }
        }, config.bootTime().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Comes up on what is in flash (or bricks), then runs the TFTP boot and acts on what it gives. */
    private void boot(long gen) {
        Load running;
        Optional<String> image;
        synchronized (this) {
            if (gen != generation || status != PhoneStatus.BOOTING) {
                return;
            }
            reboots++;
            runningLoad = flashLoad;
            runningImage = flashImage;
            if (pendingBrick != null) {
                brickReason = pendingBrick;
                pendingBrick = null;
                status = PhoneStatus.BRICKED;
                writeState();
                return;
            }
            writeState();
            running = runningLoad;
            image = Optional.ofNullable(runningImage);
        }
        CiscoBoot.Outcome outcome;
        try {
            outcome = CiscoBoot.run(model, mac.hex(), running, image, this::takesImagesOf,
                    (file, abort) -> fetch(gen, file, abort));
        } catch (PoweredOff e) {
            return;
        }
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            if (outcome instanceof CiscoBoot.Install i) {
                flashImage = i.image();
                flashLoad = i.load();
                pendingBrick = i.brick().orElse(null);
                powerOff();
                scheduleBoot();
            } else if (outcome instanceof CiscoBoot.Stay s) {
                configFile = s.config().orElse(null);
                display = s.display().orElse(null);
                status = display == null ? PhoneStatus.RUNNING : PhoneStatus.FAILED;
                openWeb();
                writeState();
            }
        }
    }

    /** One TFTP request of a boot of generation {@code gen}, noted in the state file. */
    private CiscoBoot.Fetched fetch(long gen, String file, boolean abort) {
        synchronized (this) {
            if (gen != generation) {
                throw new PoweredOff();
            }
        }
        TftpPull.Result r = abort
                ? TftpPull.pull(config.bind(), config.tftpServer(), config.tftpPort(), file, config.tftpTimeout(),
                        config.tftpRetries(), 0, "State Error")
                : TftpPull.pull(config.bind(), config.tftpServer(), config.tftpPort(), file, config.tftpTimeout(),
                        config.tftpRetries());
        synchronized (this) {
            if (gen != generation) {
                throw new PoweredOff();
            }
            if (requests.size() == MAX_REQUESTS) {
                requests.removeFirst();
            }
            requests.addLast(file + (r.ok() ? "" : " (" + (r.notFound() ? "not found" : r.failure()) + ")"));
            writeState();
        }
        return new CiscoBoot.Fetched(r.ok() ? r.data() : null, r.notFound());
    }

    /** 7940 and 7960 run the same images (seed 001 treats them as one): any model of the family. */
    private boolean takesImagesOf(String headerModel) {
        return config.matrix().models().values().stream().anyMatch(m -> m.name().equalsIgnoreCase(headerModel)
                && m.family().equals(model.family()));
    }

    @Override
    void openWeb() {
        if (status.up()) {
            super.openWeb();
        }
    }

    @Override
    HttpServer startWeb() throws IOException {
        return CiscoWeb.start(this, httpPort, lab.webExecutor());
    }
}
