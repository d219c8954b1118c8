package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Os79xxFileTest {
    @Test
    void writesTheNameAndOneLineFeed() {
        assertThat(Os79xxFile.render("P0S3-07-4-00")).isEqualTo("P0S3-07-4-00\n");
        assertThatThrownBy(() -> Os79xxFile.render("P0S3 07")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Os79xxFile.render("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsWhatItWritesAndAFileWithoutTheFinalLineFeed() {
        assertThat(Os79xxFile.parse("P0S30203\n").image()).contains("P0S30203");
        assertThat(Os79xxFile.parse("P0S30203\n").issues()).isEmpty();
        assertThat(Os79xxFile.parse("P0S30203").issues()).isEmpty();
    }

    @Test
    void reportsACarriageReturnAndBlanksOnLineOne() {
        Os79xxFile.Content c = Os79xxFile.parse("P0S3-04-4-00 \r\n");
        assertThat(c.image()).contains("P0S3-04-4-00");
        assertThat(c.issues()).extracting(Os79xxFile.Issue::line).containsExactly(1, 1);
        assertThat(c.issues().get(0).message()).contains("carriage return");
        assertThat(c.issues().get(1).message()).contains("blank space").contains("CSCdv19260");
    }

    @Test
    void reportsAnEmptyFileASecondNameAndAnEmptyLine() {
        assertThat(Os79xxFile.parse("").image()).isEmpty();
        assertThat(Os79xxFile.parse("").issues()).singleElement().satisfies(i ->
                assertThat(i.message()).contains("No Load Specified"));
        assertThat(Os79xxFile.parse("P0S30203\nP0S30202\n").issues()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(2);
            assertThat(i.message()).contains("second name");
        });
        assertThat(Os79xxFile.parse("P0S30203\n\n").issues()).singleElement().satisfies(i ->
                assertThat(i.line()).isEqualTo(2));
        assertThat(Os79xxFile.parse("\nP0S30203\n").image()).isEmpty();
    }
}
