package org.st20xx.console.expect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormaliserTest {

    static String normalise(String text) {
        TextNormaliser normaliser = new TextNormaliser();
        StringBuilder out = new StringBuilder();
        normaliser.normalise(text, out);
        normaliser.finish(out);
        return out.toString();
    }

    /** Tokens in the tables: {E} ESC, {R} CR, {N} LF, {Z} NUL, {B} BEL, {C} 8-bit CSI, {S} backslash. */
    private static String decode(String s) {
        return s.replace("{E}", "\u001b").replace("{R}", "\r").replace("{N}", "\n").replace("{Z}", "\0")
                .replace("{B}", "\u0007").replace("{C}", "\u009b").replace("{S}", "\\");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "a{R}{N}b          | a{N}b      | CR LF is one break",
        "a{N}{R}b          | a{N}b      | LF CR is one break",
        "a{R}b             | a{N}b      | a lone CR is a break",
        "a{R}{R}{N}b       | a{N}b      | CR CR LF is one break",
        "a{R}{N}{R}{N}b    | a{N}{N}b   | two CR LFs are two breaks",
        "a{N}{N}b          | a{N}{N}b   | two LFs are two breaks",
        "a{R}              | a{N}       | a CR at the end is released by finish",
        "a{R}{Z}b          | a{N}b      | telnet CR NUL",
        "a{Z}{Z}b          | ab         | NULs are dropped",
        "{E}[1;32mok{E}[0m | ok         | SGR colour",
        "{E}[?25lok{E}[K   | ok         | private mode and erase",
        "{C}1;2mok         | ok         | 8-bit CSI",
        "{E}]0;title{B}ok  | ok         | OSC ended by BEL",
        "{E}]0;title{E}{S}ok | ok       | OSC ended by ST",
        "{E}(Bok           | ok         | character set selection",
        "{E}7ok{E}8        | ok         | two-character escapes",
        "a{R}{E}[K{N}b     | a{N}b      | an escape between CR and LF keeps them one break",
        "{E}[12{N}ok       | {N}ok      | a control character breaks off a sequence and is kept",
    })
    void normalises(String input, String expected, String why) {
        assertThat(normalise(decode(input))).isEqualTo(decode(expected));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', value = {
        "a{R}   | {N}b",
        "a{E}   | [1mb",
        "a{E}[  | 1;3mb",
        "a{E}]  | 0;t{B}b",
    })
    void keepsStateBetweenPieces(String first, String second) {
        TextNormaliser normaliser = new TextNormaliser();
        StringBuilder out = new StringBuilder();

        normaliser.normalise(decode(first), out);
        normaliser.normalise(decode(second), out);
        normaliser.finish(out);

        assertThat(out.toString()).isEqualTo(normalise(decode(first + second)));
        assertThat(out.toString()).doesNotContain("\u001b", "\r", "[", ";");
    }
}
