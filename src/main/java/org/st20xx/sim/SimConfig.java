package org.st20xx.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.st20xx.St20xxException;
import org.st20xx.cisco.MacAddress;
import org.st20xx.credentials.Credentials;
import org.st20xx.matrix.Dsp;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;
import org.st20xx.matrix.Version;

/**
 * Everything a simulated lab is started with, validated: build it with {@link #builder(String, String)}
 * (the same checks as {@code st20xx sim}; a bad value is a {@link St20xxException} with exit 2).
 *
 * <pre>
 * SimConfig config = SimConfig.builder("ST2030", "sip:2.67").count(3).tftpPort(tftp.port())
 *         .bootTime(Duration.ofMillis(200)).telnetEnabled(true).stateDir(dir).build();
 * </pre>
 */
public record SimConfig(Matrix matrix, PhoneModel model, Start start, int count, InetAddress bind, int telnetPortBase,
        int httpPortBase, int tftpPort, Optional<Path> stateDir, Duration bootTime, List<Fault> faults,
        boolean telnetEnabled, Credentials credentials, Duration tftpTimeout, int tftpRetries, InetAddress tftpServer,
        MacAddress macBase, boolean flashEmpty, boolean sharedAddress) {
    /** Most phones one process simulates. */
    public static final int MAX_PHONES = 1000;
    /** The console-driven phones the simulator models (with the models provisioned over TFTP). */
    public static final String FAMILY = "st20xx";
    /** Phone 1's MAC when the model is provisioned over TFTP: the OUI of seed 001's SIP002094D245CB.cnf. */
    public static final String DEFAULT_MAC_BASE = "002094000001";

    public SimConfig {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(bootTime, "bootTime");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tftpTimeout, "tftpTimeout");
        Objects.requireNonNull(tftpServer, "tftpServer");
        Objects.requireNonNull(macBase, "macBase");
        faults = List.copyOf(faults);
    }

    /**
     * Phone {@code n}'s address. Like on a real bench every phone has its own: {@code bind} plus
     * {@code n - 1} (127.0.0.1, 127.0.0.2, ...), so the TFTP server can tell whose transfer is whose;
     * with {@code sharedAddress} (or a non-IPv4 bind) all phones share {@code bind}.
     */
    public InetAddress address(int n) {
        byte[] b = bind.getAddress();
        if (sharedAddress || b.length != 4 || n == 1) {
            return bind;
        }
        long v = ((b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL)) + n - 1;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What every phone runs when the lab starts: application, DSP and TelConf of one load. For a
     * model provisioned over TFTP (Cisco) {@code app} is the image name ({@code P00305000101}), or
     * null when the flash is empty, and {@code dsp} and {@code config} are null.
     */
    public record Start(Load load, String app, Dsp dsp, String config) {
        public Start {
            Objects.requireNonNull(load, "load");
        }
    }

    /** The MAC of phone {@code number} (Cisco): the base plus {@code number - 1}. */
    public MacAddress mac(int number) {
        long value = Long.parseLong(macBase.hex(), 16) + number - 1;
        return new MacAddress(String.format(Locale.ROOT, "%012X", value & 0xFFFF_FFFF_FFFFL));
    }

    /** A builder for {@code count} phones of {@code model} running {@code firmware} ({@code PROTO:VER}). */
    public static Builder builder(String model, String firmware) {
        return new Builder(model, firmware);
    }

    public static final class Builder {
        private final String modelName;
        private final String firmware;
        private Matrix matrix;
        private String dsp;
        private int count = 1;
        private String bind = "127.0.0.1";
        private boolean sharedAddress;
        private int telnetPortBase;
        private int httpPortBase;
        private int tftpPort = 69;
        private Path stateDir;
        private Duration bootTime = Duration.ofSeconds(30);
        private final List<Fault> faults = new ArrayList<>();
        private final List<String> faultSpecs = new ArrayList<>();
        private boolean telnetEnabled;
        private Credentials credentials;
        private Duration tftpTimeout = Duration.ofSeconds(1);
        private int tftpRetries = 3;
        private String tftpServer = "127.0.0.1";
        private String macBase;
        private boolean flashEmpty;

        private Builder(String model, String firmware) {
            this.modelName = Objects.requireNonNull(model, "model");
            this.firmware = Objects.requireNonNull(firmware, "firmware");
        }

        /** The matrix to take models and bricking rules from (default: the built-in one). */
        public Builder matrix(Matrix m) {
            this.matrix = m;
            return this;
        }

        /** The DSP file every phone starts with (default: the matrix's preferred one for the load). */
        public Builder dsp(String file) {
            this.dsp = file;
            return this;
        }

        public Builder count(int n) {
            this.count = n;
            return this;
        }

        /** The loopback address to listen on (default 127.0.0.1). */
        public Builder bind(String address) {
            this.bind = address;
            return this;
        }

        /** Phone N listens for telnet on base + N - 1; 0 (default) lets the system choose. */
        public Builder telnetPortBase(int base) {
            this.telnetPortBase = base;
            return this;
        }

        public Builder httpPortBase(int base) {
            this.httpPortBase = base;
            return this;
        }

        /** The UDP port {@code tftp <server> <file>} pulls from (default 69). */
        public Builder tftpPort(int port) {
            this.tftpPort = port;
            return this;
        }

        /** Where {@code phone-N.json} is rewritten after every change (default: no state files). */
        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** How long a reboot keeps the phone silent (default 30 s). */
        public Builder bootTime(Duration d) {
            this.bootTime = d;
            return this;
        }

        /** {@code --fault PHONE:KIND:COMMAND}, checked against the count when built. */
        public Builder fault(String spec) {
            this.faultSpecs.add(spec);
            return this;
        }

        public Builder fault(Fault f) {
            this.faults.add(f);
            return this;
        }

        public Builder telnetEnabled(boolean on) {
            this.telnetEnabled = on;
            return this;
        }

        /** The phones' accounts (default: the seed's, for every protocol of the model, and the web one). */
        public Builder credentials(Credentials c) {
            this.credentials = c;
            return this;
        }

        /** Per-packet timeout of the phones' TFTP client (default 1 s). */
        public Builder tftpTimeout(Duration d) {
            this.tftpTimeout = d;
            return this;
        }

        /** All phones on the bind address instead of one address each (default false). */
        public Builder sharedAddress(boolean shared) {
            this.sharedAddress = shared;
            return this;
        }

        /** Timeouts in a row the phones' TFTP client accepts before it gives up (default 3). */
        public Builder tftpRetries(int n) {
            this.tftpRetries = n;
            return this;
        }

        /**
         * The TFTP server a Cisco phone asks for its files when it boots (default 127.0.0.1; an IPv4
         * address in 127.0.0.0/8 only: the simulator never sends a packet off the machine).
         */
        public Builder tftpServer(String address) {
            this.tftpServer = address;
            return this;
        }

        /** Phone 1's MAC (Cisco; phone N has this plus N - 1), in any usual notation. */
        public Builder macBase(String mac) {
            this.macBase = mac;
            return this;
        }

        /**
         * Cisco: the phones' flash holds no image (after a failed upgrade): they boot their loader,
         * which asks for the files of the {@code firmware} protocol ("No Load Specified" when none
         * names an image).
         */
        public Builder flashEmpty(boolean empty) {
            this.flashEmpty = empty;
            return this;
        }

        public SimConfig build() {
            Matrix m = matrix != null ? matrix : MatrixLoader.loadBuiltIn();
            PhoneModel model = m.requireModel(modelName);
            boolean cisco = model.provisionedOverTftp();
            if (!cisco && (!FAMILY.equals(model.family()) || !model.hasDsp())) {
                throw St20xxException.usage("--model " + modelName + ": the simulator models "
                        + m.models().values().stream().filter(x -> x.provisionedOverTftp()
                                || FAMILY.equals(x.family()) && x.hasDsp()).map(PhoneModel::name)
                                .collect(Collectors.joining(", ")) + " phones only");
            }
            if (cisco) {
                refuseConsoleOptions(model);
            } else if (macBase != null || flashEmpty) {
                throw St20xxException.usage((macBase != null ? "--mac-base" : "--flash-empty") + ": only for phones"
                        + " provisioned over TFTP (Cisco); " + model.name() + " phones have their own MACs and images");
            }
            if (count < 1 || count > MAX_PHONES) {
                throw St20xxException.usage("--count " + count + ": must be from 1 to " + MAX_PHONES);
            }
            checkBase("--telnet-port-base", telnetPortBase);
            checkBase("--http-port-base", httpPortBase);
            if (tftpPort < 1 || tftpPort > 65535) {
                throw St20xxException.usage("--tftp-port " + tftpPort + ": must be from 1 to 65535");
            }
            if (bootTime.isNegative() || bootTime.compareTo(Duration.ofHours(1)) > 0) {
                throw St20xxException.usage("--boot-seconds: must be from 0 to 3600");
            }
            if (tftpTimeout.isNegative() || tftpTimeout.isZero() || tftpRetries < 1) {
                throw new IllegalArgumentException("the TFTP timeout must be positive and retries at least 1");
            }
            List<Fault> all = new ArrayList<>(faults);
            for (String spec : faultSpecs) {
                all.add(Fault.parse(spec, count));
            }
            for (Fault f : all) {
                if (f.phone() > count) {
                    throw St20xxException.usage("--fault " + f + ": there is no phone " + f.phone());
                }
            }
            MacAddress base = MacAddress.parse(macBase == null ? DEFAULT_MAC_BASE : macBase, "--mac-base");
            if (Long.parseLong(base.hex(), 16) + count - 1 > 0xFFFF_FFFF_FFFFL) {
                throw St20xxException.usage("--mac-base " + base + ": " + count + " phones from it run past FFFFFFFFFFFF");
            }
            return new SimConfig(m, model, cisco ? resolveImage(model, firmware, flashEmpty)
                    : resolveStart(model, firmware, dsp), count, loopback(bind), telnetPortBase,
                    httpPortBase, tftpPort, Optional.ofNullable(stateDir), bootTime, all, telnetEnabled,
                    credentials != null ? credentials : Credentials.defaults(model.protocols()), tftpTimeout,
                    tftpRetries, loopbackIpv4(tftpServer), base, flashEmpty, sharedAddress);
        }

        /** A Cisco phone has no console, web account, DSP or console faults in the simulator (C-14). */
        private void refuseConsoleOptions(PhoneModel model) {
            String why = ": the simulated " + model.name() + " has no console (it provisions itself over TFTP)";
            if (dsp != null) {
                throw St20xxException.usage("--dsp " + dsp + ": " + model.name() + " images carry their own DSP code");
            }
            if (telnetEnabled) {
                throw St20xxException.usage("--telnet-enabled" + why);
            }
            if (!faults.isEmpty() || !faultSpecs.isEmpty()) {
                throw St20xxException.usage("--fault" + why + " (faults act on console commands)");
            }
            if (credentials != null) {
                throw St20xxException.usage("--credentials" + why);
            }
        }

        private void checkBase(String option, int base) {
            if (base != 0 && (base < 1 || base + count - 1 > 65535)) {
                throw St20xxException.usage(option + " " + base + ": the ports from it for " + count
                        + " phone(s) must lie from 1 to 65535 (0 lets the system choose)");
            }
        }
    }

    private static InetAddress loopback(String address) {
        InetAddress a;
        try {
            a = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw St20xxException.usage("--bind " + address + ": not an address");
        }
        if (!a.isLoopbackAddress()) {
            throw St20xxException.usage("--bind " + address
                    + ": the simulator listens on loopback only (127.0.0.0/8 or ::1)");
        }
        return a;
    }

    /**
     * The TFTP server of a Cisco phone: an IPv4 literal in 127.0.0.0/8 (a phone resolves no names,
     * and the simulator sends nothing off the machine).
     */
    private static InetAddress loopbackIpv4(String address) {
        Optional<InetAddress> a = TftpPull.ipv4(address == null ? "" : address.trim());
        if (a.isEmpty() || !a.get().isLoopbackAddress()) {
            throw St20xxException.usage("--tftp-server " + address + ": must be an IPv4 address in 127.0.0.0/8 (the"
                    + " simulated phones pull from loopback only)");
        }
        return a.get();
    }

    /** {@code PROTO:VER} of a Cisco model to its image (a load st20xx can name), or a one-line refusal. */
    static Start resolveImage(PhoneModel m, String firmware, boolean flashEmpty) {
        Load load = resolveLoad(m, firmware);
        if (m.imageFormat(load).isEmpty()) {
            throw St20xxException.usage("--firmware '" + firmware + "': firmware-matrix.yaml says nothing of how " + m.name()
                    + " " + load + " images are named");
        }
        return new Start(load, flashEmpty ? null : FirmwareNames.image(m, load), null, null);
    }

    /** {@code PROTO:VER} to a load the matrix knows (the only release starting with VER, else VER itself). */
    private static Load resolveLoad(PhoneModel m, String firmware) {
        String[] parts = firmware.split(":", -1);
        if (parts.length != 2 || !Version.isVersion(parts[1])) {
            throw St20xxException.usage("--firmware '" + firmware + "': expected PROTO:VER, e.g. "
                    + (m.provisionedOverTftp() ? "sccp:5.0.1.1" : "sip:2.67"));
        }
        String protocol = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!m.protocols().contains(protocol)) {
            throw St20xxException.usage("--firmware '" + firmware + "': " + m.name() + " has no protocol '" + parts[0]
                    + "' (it runs " + String.join(", ", m.protocols()) + ")");
        }
        Load asked = Load.of(protocol, parts[1]);
        Load load = m.releaseNamed(asked).map(Release::load).orElse(asked);
        if (!m.knows(load)) {
            throw St20xxException.usage("--firmware '" + firmware + "': the firmware matrix knows no " + m.name() + " "
                    + load + " (releases: " + m.releases().stream().map(r -> r.load().toString())
                            .collect(Collectors.joining(", ")) + ")");
        }
        return load;
    }

    /** {@code PROTO:VER} (and an optional DSP file) to the start load, or a one-line refusal. */
    static Start resolveStart(PhoneModel m, String firmware, String dspFile) {
        Load load = resolveLoad(m, firmware);
        Dsp dsp;
        if (dspFile == null) {
            dsp = m.acceptedDsps(load).get(0);
        } else {
            dsp = m.dspByFile(dspFile).orElseThrow(() -> St20xxException.usage("--dsp '" + dspFile + "': not a DSP file of "
                    + m.name() + " (" + m.dsps().values().stream().map(Dsp::file).sorted()
                            .collect(Collectors.joining(", ")) + ")"));
            if (!m.compatible(load, dsp.id())) {
                throw St20xxException.usage("--dsp '" + dspFile + "': " + m.name() + " " + load + " does not run with DSP "
                        + dsp + " (it accepts " + m.acceptedDsps(load).stream().map(Dsp::toString)
                                .collect(Collectors.joining(", ")) + ")");
            }
        }
        return new Start(load, FirmwareNames.application(m, load), dsp, FirmwareNames.config(m, load));
    }
}
