package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipConfigFileTest {
    private static final String GENERIC = "# Image Version\n"
            + "image_version: \"P0S3-07-4-00\" ; the image\n"
            + "proxy1_address: \"10.0.0.1\"\r\n"
            + "\n"
            + "line1_password: \"s3cr3t\"\n";

    @Test
    void writesTheImageLineAlone() {
        assertThat(SipConfigFile.render("P0S30203")).isEqualTo("image_version: P0S30203\n");
        assertThat(SipConfigFile.parse(SipConfigFile.render("P0S30203")).imageVersion())
                .hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("P0S30203"));
    }

    @Test
    void readsEntriesWithTheirLinesQuotesCommentsAndLineEnds() {
        SipConfigFile.Content c = SipConfigFile.parse(GENERIC);
        assertThat(c.issues()).isEmpty();
        assertThat(c.entries()).extracting(SipConfigFile.Entry::key)
                .containsExactly("image_version", "proxy1_address", "line1_password");
        assertThat(c.imageVersion()).hasValueSatisfying(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.value()).isEqualTo("P0S3-07-4-00");
            assertThat(e.quoted()).isTrue();
        });
        assertThat(c.entry("proxy1_address")).hasValueSatisfying(e -> assertThat(e.lineEnd()).isEqualTo("\r\n"));
        assertThat(SipConfigFile.parse("image_version :P0S30203   \n").imageVersion()).hasValueSatisfying(e -> {
            assertThat(e.value()).isEqualTo("P0S30203");
            assertThat(e.trailingBlank()).isTrue();
        });
    }

    @Test
    void reportsLinesItCannotReadAndASecondImageVersion() {
        SipConfigFile.Content c = SipConfigFile.parse("image_version: P0S30203\nthis is not an entry\n"
                + "proxy: \"open\nimage_version: P0S30202 extra\n");
        assertThat(c.issues()).extracting(SipConfigFile.Issue::line).containsExactly(2, 3, 4, 4);
        assertThat(c.imageVersion()).hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("P0S30202"));
    }

    @Test
    void setsTheImageAndKeepsEveryOtherByte() {
        String updated = SipConfigFile.withImage(GENERIC, "P0S3-08-12-00");
        assertThat(updated).isEqualTo(GENERIC.replace("P0S3-07-4-00", "P0S3-08-12-00"));
        assertThat(SipConfigFile.withImage("proxy1_address: x", "P0S30203")).isEqualTo("proxy1_address: x\nimage_version: P0S30203\n");
        assertThat(SipConfigFile.withImage("", "P0S30203")).isEqualTo("image_version: P0S30203\n");
    }

    @Test
    void issuesNeverShowAValue() {
        SipConfigFile.Content c = SipConfigFile.parse("line1_password: my secret\nphone_password: \"open secret\n");
        assertThat(c.issues()).hasSize(2).allSatisfy(i -> assertThat(i.message() + i.hint()).doesNotContain("secret"));
    }
}
