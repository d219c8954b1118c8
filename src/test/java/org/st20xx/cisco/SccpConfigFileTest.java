package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SccpConfigFileTest {
    private static final String DEFAULT = "<?xml version=\"1.0\"?>\n<Default>\n"
            + "  <callManagerGroup><members/></callManagerGroup>\n"
            + "  <loadInformation7 model=\"IP Phone 7960\">P00308000400</loadInformation7>\n"
            + "  <loadInformation8 model=\"IP Phone 7940\">P00307020300</loadInformation8>\n"
            + "</Default>\n";

    @Test
    void writesTheLoadAloneAndReadsItBack() {
        String sep = SccpConfigFile.render("P00308000400");
        assertThat(sep).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<device>\n"
                + "  <loadInformation>P00308000400</loadInformation>\n</device>\n");
        SccpConfigFile.Content c = SccpConfigFile.parse(sep);
        assertThat(c.issues()).isEmpty();
        assertThat(c.load("loadInformation")).hasValueSatisfying(l -> {
            assertThat(l.value()).isEqualTo("P00308000400");
            assertThat(l.line()).isEqualTo(3);
        });
    }

    @Test
    void readsTheLoadOfEachModelOfXmlDefault() {
        SccpConfigFile.Content c = SccpConfigFile.parse(DEFAULT);
        assertThat(c.load("loadInformation7")).hasValueSatisfying(l -> assertThat(l.value()).isEqualTo("P00308000400"));
        assertThat(c.load("loadInformation8")).hasValueSatisfying(l -> assertThat(l.line()).isEqualTo(5));
        assertThat(c.load("loadInformation")).isEmpty();
    }

    @Test
    void reportsBrokenXmlWithItsLineBlanksAndRefusesDoctypes() {
        assertThat(SccpConfigFile.parse("<device>\n<loadInformation>P0030801SR02</load>\n</device>\n").issues())
                .singleElement().satisfies(i -> {
                    assertThat(i.line()).isEqualTo(2);
                    assertThat(i.message()).startsWith("not well-formed XML");
                });
        assertThat(SccpConfigFile.parse("<device><loadInformation> P00308000400 </loadInformation></device>").issues())
                .singleElement().satisfies(i -> assertThat(i.message()).contains("blank space"));
        assertThat(SccpConfigFile.parse("<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<device><loadInformation>&x;</loadInformation></device>").issues()).isNotEmpty();
    }

    @Test
    void setsTheLoadAndKeepsTheRest() {
        assertThat(SccpConfigFile.withImage(DEFAULT, "loadInformation7", "P0030801SR02"))
                .isEqualTo(DEFAULT.replace(">P00308000400<", ">P0030801SR02<"));
        assertThat(SccpConfigFile.withImage("<device>\n  <devicePool/>\n</device>\n", "loadInformation", "P00308000400"))
                .isEqualTo("<device>\n  <devicePool/>\n  <loadInformation>P00308000400</loadInformation>\n</device>\n");
    }
}
