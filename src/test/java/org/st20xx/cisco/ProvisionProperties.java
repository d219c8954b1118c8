package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.st20xx.St20xxException;
import org.st20xx.matrix.ImageFormat;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.matrix.PhoneModel;
import org.st20xx.matrix.Release;
import org.st20xx.matrix.Version;
import org.st20xx.plan.Target;

/**
 * Provisioning over every known start and target of the shipped Cisco models, in a TFTP root
 * holding every release's image files: a refusal writes nothing; what it writes, st20xx lint finds
 * clean for the phone's load; running it again changes nothing; and every file it writes is one
 * the phone asks for during the hop.
 */
class ProvisionProperties {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();

    record Case(String model, Load from, Load target, String mac) {
    }

    @Provide
    Arbitrary<Case> cases() {
        PhoneModel m = MATRIX.requireModel("7960");
        List<Load> starts = new ArrayList<>(m.releases().stream().map(Release::load).toList());
        for (String extra : List.of("sip:2.1", "sip:3.1", "sip:6.1", "sccp:3.0", "sccp:5.1", "sip:8.12", "sccp:8.1.0.2")) {
            starts.add(Load.of(extra.split(":")[0], extra.split(":")[1]));
        }
        List<Load> targets = new ArrayList<>(m.releases().stream().map(Release::load).toList());
        targets.add(Load.of("sip", "8.12"));
        targets.add(Load.of("sccp", "8.1.0.2"));
        Arbitrary<String> macs = Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(12);
        return Combinators.combine(Arbitraries.of("7940", "7960"), Arbitraries.of(starts), Arbitraries.of(targets), macs)
                .as(Case::new);
    }

    /** Every file of every image the matrix names, plus a 6.3, an 8.12 and an 8.1(SR.2) image. */
    private static Path root() throws IOException {
        Path root = Files.createTempDirectory("st20xx-tftp");
        PhoneModel m = MATRIX.requireModel("7960");
        List<String> images = new ArrayList<>(List.of("P00306030000", "P0S3-08-12-00", "P0030801SR02"));
        for (Release r : m.releases()) {
            r.app().ifPresent(app -> images.add(m.imageFormat(r.load()).orElseThrow().imageOfPrimary(app).orElseThrow()));
        }
        for (String image : images) {
            ImageFormat f = m.imageFormat(m.imageLoad(image).orElseThrow()).orElseThrow();
            for (String file : f.allFiles(image)) {
                Files.writeString(root.resolve(file), "image " + file + "\n");
            }
        }
        return root;
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().equals(Provisioner.LOCK)) {
                    out.put(p.getFileName().toString(), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    @Property(tries = 250)
    void writesOnlyWhatThePhoneAsksForLintsCleanAndIsIdempotent(@ForAll("cases") Case c) throws IOException {
        Path root = root();
        try {
            PhoneModel model = MATRIX.requireModel(c.model());
            MacAddress mac = new MacAddress(c.mac());
            Provisioner.Request req = new Provisioner.Request(MATRIX, model, mac, c.from(),
                    new Target(c.target().protocol(), Optional.of(c.target().version())), root, false);
            Map<String, String> before = snapshot(root);
            Provisioner.Result r;
            try {
                r = Provisioner.provision(req);
            } catch (St20xxException refused) {
                Statistics.collect("refused");
                assertThat(snapshot(root)).as("a refusal writes nothing: %s", refused.getMessage()).isEqualTo(before);
                return;
            }
            if (r.hop().isEmpty()) {
                Statistics.collect("nothing to do");
                assertThat(snapshot(root)).isEqualTo(before);
                return;
            }
            Statistics.collect(r.plan().hops().size() == 1 ? "written, 1 hop" : "written, several hops");
            HopFiles hop = r.hop().get();
            List<TftpRootLint.Problem> problems = TftpRootLint.check(root, MATRIX,
                    new TftpRootLint.Scope(Optional.of(model), Optional.of(mac), Optional.of(c.from())));
            assertThat(problems).as("lint after provision %s -> %s", c.from(), hop.to()).isEmpty();

            BootSequence seq = r.sequence().orElseThrow();
            List<String> provided = seq.steps().stream().filter(s -> s instanceof BootSequence.Request q && q.provided())
                    .map(s -> ((BootSequence.Request) s).file()).distinct().toList();
            assertThat(provided).as("each written file is asked for").containsExactlyInAnyOrderElementsOf(hop.names());
            assertThat(seq.steps()).filteredOn(s -> s instanceof BootSequence.Install).singleElement().satisfies(s ->
                    assertThat(((BootSequence.Install) s).files()).allSatisfy(f ->
                            assertThat(root.resolve(f)).exists()));
            assertThat(seq.steps()).filteredOn(s -> s instanceof BootSequence.Install).singleElement()
                    .satisfies(s -> assertThat(((BootSequence.Install) s).files()).as("what BootWatcher waits for")
                            .isNotEmpty().isEqualTo(hop.imageFiles()));
            assertThat(hop.files()).allSatisfy(f -> {
                Optional<Load> named = model.imageLoad(f.names());
                assertThat(named.isEmpty() ? hop.format().loaderOf(hop.image()).equals(f.names()) : named.get().equals(hop.to()))
                        .as("%s names the hop's image", f.name()).isTrue();
            });

            Map<String, String> after = snapshot(root);
            Provisioner.Result again = Provisioner.provision(req);
            assertThat(again.changes()).allSatisfy(ch -> assertThat(ch.action()).isEqualTo(Provisioner.Action.KEPT));
            assertThat(snapshot(root)).isEqualTo(after);
        } finally {
            Statistics.coverage(cov -> {
                cov.check("written, 1 hop").percentage(p -> p > 20);
                cov.check("written, several hops").percentage(p -> p > 10);
                cov.check("refused").percentage(p -> p > 5);
            });
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Property(tries = 300)
    void imageNamesReadBackAsTheVersionTheyWereWrittenFor(@ForAll("versions") int[] v) {
        PhoneModel m = MATRIX.requireModel("7960");
        String sip = v[0] < 3 ? String.format("P0S3%02d%02d", v[0], v[1]) : String.format("P0S3-%02d-%d-%02d", v[0], v[1], v[2]);
        String sccp = String.format("P003%02d%02d%02d%02d", v[0], v[1], v[2], v[3]);
        Version sipVersion = v[0] < 3 ? Version.of(v[0], v[1]) : Version.of(v[0], v[1], v[2]);
        assertThat(m.imageLoad(sip)).contains(new Load("sip", sipVersion));
        assertThat(m.imageLoad(sccp)).contains(new Load("sccp", Version.of(v[0], v[1], v[2], v[3])));
    }

    @Provide
    Arbitrary<int[]> versions() {
        return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99))
                .as((a, b, c, d) -> new int[] {a, b, c, d});
    }

    @Property(tries = 100)
    void everyMacNotationIsTheSameMac(@ForAll("hex12") String hex) {
        String colons = String.join(":", hex.split("(?<=\\G..)"));
        String dots = hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
        for (String n : List.of(hex, hex.toLowerCase(), colons, colons.replace(':', '-'), dots)) {
            assertThat(MacAddress.parse(n, "--mac").hex()).isEqualTo(hex);
        }
    }

    @Provide
    Arbitrary<String> hex12() {
        return Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(12);
    }
}
