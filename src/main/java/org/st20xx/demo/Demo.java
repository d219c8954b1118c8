package org.st20xx.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;
import org.st20xx.matrix.Matrix;
import org.st20xx.report.AtomicFiles;
import org.st20xx.sim.FirmwareFixtures;
import org.st20xx.sim.PhoneState;
import org.st20xx.sim.SimConfig;
import org.st20xx.sim.SimulatedLab;
import org.st20xx.sim.SimulatedPhone;

/**
 * The built-in simulated lab of {@code st20xx demo}: fixture firmware, groups of simulated ST2030
 * and ST2022 phones on their own loopback addresses in mixed states (some with telnet off), and the
 * CSV that lists them with their targets. Everything on 127.0.0.0/8.
 */
public final class Demo implements AutoCloseable {
    /** One group of identical phones and where they should go. */
    public record Group(String model, String start, boolean telnetEnabled, String target, int count, String bind) {
        public Group {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(bind, "bind");
        }
    }

    /** The default lab: seven phones, four starting points, both directions, two with telnet off. */
    public static List<Group> defaultGroups(int scale) {
        return List.of(
                new Group("ST2030", "sip:2.67", true, "mgcp", 2 * scale, "127.0.10.1"),
                new Group("ST2030", "mgcp:1.55", false, "sip:2.74", scale, "127.0.11.1"),
                new Group("ST2022", "mgcp:3.55.2", true, "sip:4.68", 2 * scale, "127.0.12.1"),
                new Group("ST2022", "sip:4.78.1", false, "mgcp", scale, "127.0.13.1"),
                new Group("ST2030", "sip:1.66.2", true, "mgcp", scale, "127.0.14.1"));
    }

    private final Path dir;
    private final Path firmware;
    private final Path csv;
    private final int tftpPort;
    private final List<SimulatedLab> labs = new ArrayList<>();
    private final List<Group> groups;

    private Demo(Path dir, Path firmware, Path csv, int tftpPort, List<Group> groups) {
        this.dir = dir;
        this.firmware = firmware;
        this.csv = csv;
        this.tftpPort = tftpPort;
        this.groups = List.copyOf(groups);
    }

    /** Writes the fixtures, starts the phones and writes the CSV under {@code dir}. */
    public static Demo start(Path dir, Matrix matrix, List<Group> groups, Duration boot) {
        try {
            Path firmware = Files.createDirectories(dir.resolve("firmware"));
            for (String m : groups.stream().map(Group::model).distinct().toList()) {
                FirmwareFixtures.of(matrix.requireModel(m)).writeAll(firmware);
            }
            Demo demo = new Demo(dir, firmware, dir.resolve("lab.csv"), freeUdpPort(), groups);
            try {
                demo.startLabs(matrix, boot);
                demo.writeCsv();
            } catch (RuntimeException | IOException e) {
                demo.close();
                throw e;
            }
            return demo;
        } catch (IOException e) {
            throw new St20xxException(ExitStatus.USAGE, "cannot set up the demo lab in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A UDP port on loopback that is free now (for the embedded TFTP server of a simulated lab). */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    private void startLabs(Matrix matrix, Duration boot) throws IOException {
        int i = 0;
        for (Group g : groups) {
            i++;
            labs.add(SimulatedLab.start(SimConfig.builder(g.model(), g.start()).matrix(matrix).count(g.count())
                    .bind(g.bind()).tftpPort(tftpPort).telnetEnabled(g.telnetEnabled()).bootTime(boot)
                    .stateDir(Files.createDirectories(dir.resolve("state").resolve("group-" + i))).build()));
        }
    }

    private void writeCsv() throws IOException {
        StringBuilder sb = new StringBuilder("ip,port,web_port,model,from,target\n");
        for (int g = 0; g < groups.size(); g++) {
            for (SimulatedPhone p : labs.get(g).phones()) {
                sb.append(p.telnetAddress().getAddress().getHostAddress()).append(',').append(p.telnetAddress().getPort())
                        .append(',').append(p.httpAddress().getPort()).append(',').append(groups.get(g).model())
                        .append(',').append(groups.get(g).start()).append(',').append(groups.get(g).target()).append('\n');
            }
        }
        AtomicFiles.write(csv, sb.toString());
    }

    public Path csv() {
        return csv;
    }

    public Path firmware() {
        return firmware;
    }

    public int tftpPort() {
        return tftpPort;
    }

    public Path dir() {
        return dir;
    }

    /** Prints the lab, one line per group. */
    public void describe(PrintWriter out) {
        out.println("Simulated lab (loopback only) in " + dir + ":");
        for (int g = 0; g < groups.size(); g++) {
            Group gr = groups.get(g);
            SimulatedPhone first = labs.get(g).phones().get(0);
            out.printf("  %d x %s on %s -> %s%s (from %s)%n", gr.count(), gr.model(), gr.start(), gr.target(),
                    gr.telnetEnabled() ? "" : ", telnet off (switched on through telnet.html)",
                    first.telnetAddress().getAddress().getHostAddress());
        }
        out.flush();
    }

    /** Each phone's state file, after the conversion: every one on its target protocol and sound? */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String protocol = groups.get(g).target().split(":")[0];
            for (SimulatedPhone p : labs.get(g).phones()) {
                try {
                    PhoneState s = PhoneState.read(p.stateFile().orElseThrow());
                    if (s.bricked() || !s.protocol().equals(protocol)) {
                        problems.add(p.telnetAddress() + ": " + s.protocol() + " " + s.version()
                                + (s.bricked() ? " BRICKED" : "") + ", expected " + protocol);
                    }
                } catch (IOException e) {
                    problems.add(p.telnetAddress() + ": cannot read its state (" + e.getMessage() + ")");
                }
            }
        }
        return problems;
    }

    @Override
    public void close() {
        labs.forEach(SimulatedLab::close);
    }

    /** Deletes a lab's temporary folder and everything in it; a folder left behind is harmless. */
    public static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
