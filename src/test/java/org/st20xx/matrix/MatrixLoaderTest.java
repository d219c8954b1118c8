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
}
