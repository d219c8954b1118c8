package org.st20xx.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.st20xx.InputProblem;
import org.st20xx.InvalidInputException;
import org.st20xx.matrix.Load;
import org.st20xx.matrix.Matrix;
import org.st20xx.matrix.MatrixLoader;
import org.st20xx.plan.Target;

class CsvInventoryReaderTest {
    private static final Matrix MATRIX = MatrixLoader.loadBuiltIn();

    private static List<PhoneRow> parse(String csv) {
        return CsvInventoryReader.parse(csv, "phones.csv", Optional.of(Target.parse("mgcp", "--target")), MATRIX, null);
    }

    private static List<String> problems(String csv) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(csv));
        assertThat(e).as("refused").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void readsQuotedFieldsBomAndCrlf() {
        List<PhoneRow> rows = parse("\uFEFFip,port,model,from,target\r\n"
                + "127.0.0.1,2301,ST2030,sip:2.67,mgcp\r\n"
                + "\"127.0.0.2\",\"2302\",\"ST2022\",\"mgcp:3.55.2\",\"sip:4.68\"\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).from()).contains(Load.of("sip", "2.67"));
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).port()).contains(2302);
        assertThat(rows.get(1).target()).isEqualTo(Target.parse("sip:4.68", "t"));
    }

    @Test
    void targetFallsBackToTheOption() {
        assertThat(parse("ip\n127.0.0.1\n").get(0).target()).isEqualTo(Target.parse("mgcp", "t"));
    }

    @Test
    void missingIpColumnIsRefused() {
        assertThat(problems("addr,model\n127.0.0.1,ST2030\n"))
                .anySatisfy(p -> assertThat(p).isEqualTo("phones.csv:1: unknown column 'addr' (known: ip, port, web_port, model, from, target, credentials)"))
                .anySatisfy(p -> assertThat(p).startsWith("phones.csv:1: the header has no 'ip' column"));
    }

    @Test
    void everyBadRowIsReportedWithItsLine() {
        String csv = "ip,port,model,from\n"
                + "127.0.0.1,2301,ST2030,sip:2.67\n"
                + "127.0.0.1,2302,ST2030,sip:2.67\n"
                + "127.0.0.1,2303,ST2030,sip:2.67\n"
                + "127.0.0.1,2304,ST2099,sip:2.67\n"
                + "127.0.0.1,99999,ST2030,sip:2.67\n"
                + "10.0.0.300,2306,ST2030,sip:2.67\n"
                + "127.0.0.1,2301,ST2030,sip:2.67\n"
                + "127.0.0.1,2308,ST2030,sip\n";
        assertThat(problems(csv)).containsExactly(
                "phones.csv:5: model: unknown model 'ST2099' (known: " + String.join(", ", MATRIX.models().keySet()) + ")",
                "phones.csv:6: port: '99999' is not a port (1-65535)",
                "phones.csv:7: ip: '10.0.0.300' is not an IPv4 address (each part is a number 0-255)",
                "phones.csv:8: ip: 127.0.0.1:2301 is listed twice (first on line 2)",
                "phones.csv:9: from: 'sip' is not PROTOCOL:VERSION (e.g. sip:2.67)");
    }

    @Test
    void quotedNewlinesKeepLineNumbersTrue() {
        assertThat(problems("ip,model\n\"127.0.0.1\",\"ST\n2030\"\n10.0.0.999,ST2030\n"))
                .anySatisfy(p -> assertThat(p).startsWith("phones.csv:4: ip: '10.0.0.999'"));
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        assertThat(problems("ip,model\n")).containsExactly("phones.csv:1: no phones: the file has a header but no rows");
    }
}
