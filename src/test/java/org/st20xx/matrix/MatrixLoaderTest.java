package org.st20xx.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.st20xx.ExitStatus;
import org.st20xx.InputProblem;
import org.st20xx.InvalidInputException;
import org.st20xx.St20xxException;

class MatrixLoaderTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = MatrixLoaderTest.class.getResourceAsStream("/matrix/invalid/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<InputProblem> problems(String fixture) throws IOException {
        String yaml = fixture(fixture);
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions
                .catchThrowable(() -> MatrixLoader.parse(yaml, "firmware-matrix.yaml"));
        assertThat(e).as("problems of " + fixture).isNotNull();
        assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
        return e.problems();
    }

    @Test
    void theShippedMatrixLoadsAndReadsTheSeedFileNames() {
        Matrix m = MatrixLoader.load(Path.of("firmware-matrix.yaml"), "firmware-matrix.yaml");
        PhoneModel st2030 = m.requireModel("st2030");
        PhoneModel st2022 = m.requireModel("ST2022");
        assertThat(st2030.applicationLoad("v2030SG.081210.1.66.2.zz")).contains(Load.of("sip", "1.66.2"));
        assertThat(st2030.applicationLoad("v2030SG.R11.1.SED.101223.2.74.zz")).contains(Load.of("sip", "2.74"));
        assertThat(st2022.applicationLoad("v2022MC.070806.3.55.2.zz")).contains(Load.of("mgcp", "3.55.2"));
        assertThat(st2022.applicationLoad("v2022SG.081010.3.65.1.zz")).contains(Load.of("sip", "3.65.1"));
        assertThat(st2030.applicationLoad("v2022MC.070806.3.55.2.zz")).isEmpty();
        assertThat(st2030.configLoad("TelConf2030SG_v1.66.2.txt")).contains(Load.of("sip", "1.66.2"));
        assertThat(st2022.configLoad("TelConf2022MC_v3.55.2.txt")).contains(Load.of("mgcp", "3.55.2"));
        assertThat(st2030.dspByFile("v2030_dsp_R11.1_SED_v320.zz")).map(Dsp::id).contains("v3.20");
    }

    @Test
    void theShippedMatrixSaysWhatSeedSection22Says() {
        PhoneModel st2030 = MatrixLoader.loadBuiltIn().requireModel("ST2030");
        assertThat(st2030.compatible(Load.of("sip", "2.67"), "v3.10")).isTrue();
        assertThat(st2030.compatible(Load.of("sip", "2.67"), "v3.20")).isFalse();
        assertThat(st2030.compatible(Load.of("sip", "2.68"), "v3.20")).isTrue();
        assertThat(st2030.compatible(Load.of("sip", "1.53"), "v1.01-common")).isFalse();
        assertThat(st2030.compatible(Load.of("sip", "1.54"), "v1.01-common")).isTrue();
        assertThat(st2030.compatible(Load.of("mgcp", "1.50"), "v1.01-common")).isFalse();
        assertThat(st2030.compatible(Load.of("mgcp", "1.55"), "v1.01-common")).isTrue();
        assertThat(st2030.forbiddingRule(Load.of("mgcp", "1.55"), Load.of("sip", "2.68"))).isPresent();
        assertThat(st2030.forbiddingRule(Load.of("sip", "2.67"), Load.of("sip", "1.50"))).isPresent();
        assertThat(st2030.forbiddingRule(Load.of("sip", "2.67"), Load.of("sip", "1.66.2"))).isEmpty();
        assertThat(st2030.forbiddingRule(Load.of("sip", "1.66.2"), Load.of("mgcp", "1.55"))).isEmpty();
    }

    @Test
    void unknownKeyIsReportedWithLineAndColumn() throws IOException {
        assertThat(problems("unknown-key.yaml")).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("firmware-matrix.yaml:7:5: unknown key 'colour'");
        });
    }

    @Test
    void emptyRangeIsABadRange() throws IOException {
        assertThat(problems("bad-range.yaml")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.message()).contains("bad version range").contains("empty");
        });
    }

    @Test
    void overlappingRangesAreReported() throws IOException {
        assertThat(problems("overlap.yaml")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("overlaps [1.0, 2.0) (line 15)");
        });
    }

    @Test
    void dspNameMatchingNoPatternIsReported() throws IOException {
        assertThat(problems("dsp-no-pattern.yaml")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("'firmware.bin' matches no 'files: dsp' pattern");
        });
    }

    @Test
    void collectsEveryProblemAtOnce() throws IOException {
        List<String> messages = problems("dangling.yaml").stream().map(InputProblem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(":15:").contains("unknown DSP 'v9'"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("release SIP 2.5 lies in no 'compatibility' range"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(":18:").contains("protocol 'mgcp' is not one of"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("reads as SIP 1.67, not SIP 1.66"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(":22:").contains("bad version range"));
        assertThat(messages).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        assertThatThrownBy(() -> MatrixLoader.parse("schema: 1\nmodels: [\n", "m.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("m.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> MatrixLoader.parse("schema: 1\nschema: 2\nmodels: {}\n", "m.yaml"))
                .hasMessageContaining("m.yaml:2:1: duplicate key 'schema'");
        assertThatThrownBy(() -> MatrixLoader.parse("", "m.yaml")).hasMessageContaining("m.yaml:1:1: the file is empty");
    }

    @Test
    void aMissingFileIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> MatrixLoader.load(dir.resolve("nope.yaml"), "nope.yaml"))
                .isInstanceOf(St20xxException.class).hasMessage("nope.yaml: no such matrix file");
    }

    @Test
    void aNewReleaseNeedsOnlyYaml(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("firmware-matrix.yaml")).replace(
                "      - { protocol: sip,  version: \"2.74\",",
                "      - { protocol: sip,  version: \"2.76\", app: v2030SG.R11.1.SED.120101.2.76.zz, source: test }\n"
                        + "      - { protocol: sip,  version: \"2.74\",");
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, yaml);
        PhoneModel st2030 = MatrixLoader.load(file, "m.yaml").requireModel("ST2030");
        assertThat(st2030.release(Load.of("sip", "2.76"))).hasValueSatisfying(r ->
                assertThat(r.app()).contains("v2030SG.R11.1.SED.120101.2.76.zz"));
    }

    @Test
    void theShippedMatrixReadsTheCiscoImageNamesOfTheSeeds() {
        Matrix m = MatrixLoader.loadBuiltIn();
        PhoneModel c = m.requireModel("7960");
        assertThat(c.imageLoad("P0S30203")).contains(Load.of("sip", "2.3"));
        assertThat(c.imageLoad("P0S30100")).contains(Load.of("sip", "1.0"));
        assertThat(c.imageLoad("P0S3-07-4-00")).contains(Load.of("sip", "7.4"));
        assertThat(c.imageLoad("P00307020300")).contains(Load.of("sccp", "7.2.3"));
        assertThat(c.imageLoad("P00305000101")).contains(Load.of("sccp", "5.0.1.1"));
        assertThat(c.imageLoad("P0030801SR02")).contains(Load.of("sccp", "8.1.0.2"));
        assertThat(c.imageLoad("P0030801SR02").orElseThrow().version()).hasToString("8.1.0.2");
        assertThat(c.imageLoad("P0S3-07-4-00").orElseThrow().version()).hasToString("7.4");
        assertThat(c.imageLoad("POS30100")).as("letter O, as the seed's typo").isEmpty();
        assertThat(c.imageLoad("P0S30300")).as("SIP 3.0 has no 8.3 name (the seed's failure log)").isEmpty();
        assertThat(c.imageLoad("P0S3-02-3-00")).as("SIP 2.3 has no dashed name").isEmpty();
        assertThat(c.applicationLoad("P0S3-07-4-00.loads")).contains(Load.of("sip", "7.4"));
        assertThat(c.applicationLoad("P0S3-07-4-00.bin")).as("7.x is installed from .loads").isEmpty();
        assertThat(c.applicationLoad("P0S30203.bin")).contains(Load.of("sip", "2.3"));
        assertThat(c.imageFormat(Load.of("sip", "7.4")).orElseThrow().loaderOf("P0S3-07-4-00")).isEqualTo("P003-07-4-00");
        assertThat(c.bootProfile("sip").orElseThrow().requests()).extracting(BootRequest::file)
                .containsExactly("OS79XX.TXT", "SIPDefault.cnf", "SIP{MAC}.cnf", "RINGLIST.DAT");
        assertThat(c.bootProfile("sip").orElseThrow().shortNamesOnly(Version.parse("2.1"))).isTrue();
        assertThat(c.bootProfile("sip").orElseThrow().shortNamesOnly(Version.parse("2.2"))).isFalse();
        PhoneModel c40 = m.requireModel("7940");
        assertThat(c40.deviceType()).contains("8");
        assertThat(c.deviceType()).contains("7");
        assertThat(c40.releases()).isEqualTo(c.releases());
        assertThat(c40.rules()).isEqualTo(c.rules());
        assertThat(c.hasDsp()).isFalse();
        assertThat(c.provisionedOverTftp()).isTrue();
        assertThat(m.requireModel("ST2030").provisionedOverTftp()).isFalse();
    }

    @Test
    void theShippedMatrixSaysWhatTheCiscoSeedsSay() {
        PhoneModel c = MatrixLoader.loadBuiltIn().requireModel("7940");
        assertThat(c.forbiddingRule(Load.of("sip", "5.0"), Load.of("sip", "4.4"))).map(Rule::name).contains("no-return-below-5.0");
        assertThat(c.forbiddingRule(Load.of("sccp", "5.0.1.1"), Load.of("sip", "4.4"))).isPresent();
        assertThat(c.forbiddingRule(Load.of("sip", "4.4"), Load.of("sccp", "8.0.4"))).map(Rule::name).contains("to-sccp-6-through-6.3");
        assertThat(c.forbiddingRule(Load.of("sip", "4.4"), Load.of("sccp", "6.3"))).isEmpty();
        assertThat(c.forbiddingRule(Load.of("sip", "4.4"), Load.of("sccp", "5.0.1.1"))).isEmpty();
        assertThat(c.forbiddingRule(Load.of("sccp", "3.0"), Load.of("sip", "4.4"))).map(Rule::name)
                .contains("sccp-to-sip-3-4-through-sip-2.3");
        assertThat(c.forbiddingRule(Load.of("sccp", "3.0"), Load.of("sip", "2.3"))).isEmpty();
        assertThat(c.forbiddingRule(Load.of("sip", "2.1"), Load.of("sip", "4.4"))).map(Rule::name)
                .contains("sip-2.1-takes-only-8.3-names");
        assertThat(c.forbiddingRule(Load.of("sip", "2.1"), Load.of("sip", "2.3"))).isEmpty();
        assertThat(c.forbiddingRule(Load.of("sip", "6.1"), Load.of("sccp", "8.0.4"))).map(Rule::name)
                .contains("sip-5-6-to-sccp-through-sip-7");
        assertThat(c.forbiddingRule(Load.of("sip", "7.4"), Load.of("sccp", "8.0.4"))).isEmpty();
    }

    @Test
    void rulesSayWhatAPhoneDoesWhenTheForbiddenRebootIsTriedAnyway() {
        PhoneModel c = MatrixLoader.loadBuiltIn().requireModel("7960");
        assertThat(c.forbiddingRule(Load.of("sip", "5.0"), Load.of("sip", "4.4")).orElseThrow().failure())
                .isEqualTo(new Rule.Failure(Rule.Failure.Kind.REFUSED, java.util.Optional.of("Image Authentication Failed")));
        assertThat(c.forbiddingRule(Load.of("sccp", "3.0"), Load.of("sip", "4.4")).orElseThrow().failure().kind())
                .isEqualTo(Rule.Failure.Kind.STATE_ERROR);
        assertThat(c.forbiddingRule(Load.of("sip", "4.4"), Load.of("sccp", "8.0.4")).orElseThrow().failure())
                .as("no seed says: bricked").isEqualTo(Rule.Failure.BRICKED);
        assertThat(MatrixLoader.loadBuiltIn().requireModel("ST2030").rules()).allMatch(r -> r.failure().equals(
                Rule.Failure.BRICKED));
        String yaml = readShipped();
        List<String> bad = ((InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> MatrixLoader
                .parse(yaml.replace("fails_as: state-error", "fails_as: melted"), "m.yaml"))).problems().stream()
                .map(InputProblem::toString).toList();
        assertThat(bad).anyMatch(p -> p.matches("m\\.yaml:\\d+:\\d+: 'fails_as' of rule sccp-to-sip-3-4-through-sip-2.3"
                + " of 7960 must be one of \\[bricked, refused, state-error\\]"));
        List<String> shown = ((InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> MatrixLoader
                .parse(yaml.replace("fails_as: state-error", "fails_as: bricked"), "m.yaml"))).problems().stream()
                .map(InputProblem::toString).toList();
        assertThat(shown).anyMatch(p -> p.contains("'display' of rule sccp-to-sip-3-4-through-sip-2.3 of 7960: a bricked"
                + " phone shows nothing"));
    }

    @Test
    void anImageIsFoundFromItsUniversalLoadersName() {
        PhoneModel c = MatrixLoader.loadBuiltIn().requireModel("7960");
        assertThat(c.imageNamed("P003-07-4-00")).contains("P0S3-07-4-00");
        assertThat(c.imageNamed("P003-08-12-00")).contains("P0S3-08-12-00");
        assertThat(c.imageNamed("P0S3-07-4-00")).contains("P0S3-07-4-00");
        assertThat(c.imageNamed("P00308000400")).as("the SCCP loader has the image's name").contains("P00308000400");
        assertThat(c.imageNamed("P003-04-4-00")).as("SIP 4.4 has no loader").isEmpty();
        assertThat(c.imageNamed("P003-07-4-00.sbn")).isEmpty();
        ImageFormat.Rename undoable = new ImageFormat.Rename(java.util.regex.Pattern.compile("^P0S3"), "P003");
        assertThat(undoable.undo("P003-07-4-00")).contains("P0S3-07-4-00");
        assertThat(undoable.undo("X003-07-4-00")).isEmpty();
        assertThat(new ImageFormat.Rename(java.util.regex.Pattern.compile("S(\\d)"), "-$1").undo("P0-3")).isEmpty();
    }

    @Test
    void ciscoKeysAreValidatedWithLineAndColumn() throws IOException {
        List<String> messages = problems("cisco.yaml").stream().map(InputProblem::toString).toList();
        assertThat(messages).containsExactly(
                "firmware-matrix.yaml:11:99: example 'P0S3-07-4-00' is not read by the 'name' pattern(s) as a SIP version in [1.0, 3.0)",
                "firmware-matrix.yaml:12:36: image format range [2.0, 9.0) overlaps [1.0, 3.0) (line 11) for SIP",
                "firmware-matrix.yaml:13:57: image name pattern '^P003(\\d{8})$' must read the version with groups (?<v1>...), (?<v2>...) or (?<version>...)",
                "firmware-matrix.yaml:14:146: the first 'fetch' item is the image's primary file: it must name {image} and be fetched whatever the phone runs (no 'from')",
                "firmware-matrix.yaml:14:201: '{loader}.sbn' uses {loader} but an image format of 7960 has no 'loader'",
                "firmware-matrix.yaml:14:217: unknown placeholder {img} in '{img}.sb2' (use {image} or {loader})",
                "firmware-matrix.yaml:16:7: 'boot' of model 7960 needs a profile for every protocol; 'sccp' is missing",
                "firmware-matrix.yaml:19:43: unknown kind 'sip-config' (one of [os79xx, sip-cnf, sccp-xml, other])",
                "firmware-matrix.yaml:20:66: 'loadInformation{DEVICE_TYPE}' uses {DEVICE_TYPE} but model 7960 has no 'device_type'",
                "firmware-matrix.yaml:20:110: 'if_missing: XMLDefault.cnf.xml' must name an earlier request of the sip boot profile of 7960",
                "firmware-matrix.yaml:22:45: 'RINGLIST.DAT' is not a request of the sip boot profile of 7960 that names an image",
                "firmware-matrix.yaml:26:47: 'P0S3-07-4-00.loads' matches no 'application' pattern nor is it the primary file of an 'images' format",
                "firmware-matrix.yaml:29:58: protocol 'h323' is not one of 7960's protocols [sccp, sip]",
                "firmware-matrix.yaml:29:72: 'to' of rule list of 7960 lists no selector",
                "firmware-matrix.yaml:33:14: 'same_as: 7912' of model 7940 must name another model of this file that has no 'same_as' itself (models: 7960, 7940, 7941)",
                "firmware-matrix.yaml:36:5: unknown key 'colour' in model 7941 (allowed: boot, compatibility, device_type, dsps, family, files, images, protocols, reboots_per_hop, releases, rules, same_as, vendor)");
    }

    @Test
    void aCopyReportsWhatOnlyItBreaksAtTheSharedLine() {
        String yaml = readShipped().replace("    device_type: \"8\"", "    device_type: ~");
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions
                .catchThrowable(() -> MatrixLoader.parse(yaml, "m.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("'loadInformation{DEVICE_TYPE}' uses {DEVICE_TYPE} but model 7940 has no 'device_type'");
            assertThat(readShipped().lines().skip(p.line() - 1).findFirst().orElseThrow()).contains("XMLDefault.cnf.xml");
        });
    }

    @Test
    void ruleSelectorListsMatchAnyOfTheirSelectors() {
        Rule r = new Rule("r", List.of(new Selector(java.util.Optional.of("sip"), VersionRange.parse("(,2.0)")),
                new Selector(java.util.Optional.of("mgcp"), VersionRange.ANY)),
                List.of(new Selector(java.util.Optional.empty(), VersionRange.parse("[3.0,)"))), false, List.of(), "t", "t");
        assertThat(r.forbids(Load.of("sip", "1.5"), Load.of("mgcp", "3.1"))).isTrue();
        assertThat(r.forbids(Load.of("mgcp", "9.0"), Load.of("sip", "3.0"))).isTrue();
        assertThat(r.forbids(Load.of("sip", "2.0"), Load.of("sip", "3.0"))).isFalse();
        assertThat(r.forbids(Load.of("sip", "3.0"), Load.of("sip", "1.0"))).as("one way only").isFalse();
    }

    private static String readShipped() {
        try {
            return Files.readString(Path.of("firmware-matrix.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
