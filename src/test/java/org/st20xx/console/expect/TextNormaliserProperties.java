package org.st20xx.console.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Normalising does not depend on how the text is cut into reads, and leaves no CR, NUL or ESC. */
class TextNormaliserProperties {

    @Provide
    Arbitrary<String> consoleText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab# :\r\n\0").ofMaxLength(5),
                Arbitraries.of("\u001b[1;32m", "\u001b[0m", "\u001b[K", "\u001b]0;t\u0007", "\u001b(B", "\u001b7",
                        "\r\n", "\n\r", "\r\0", "\u001b", "\u001b["));
        return piece.list().ofMaxSize(15).map(p -> String.join("", p));
    }

    @Property
    void chunkingDoesNotChangeTheResult(@ForAll("consoleText") String text,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 6) Integer> cuts) {
        TextNormaliser normaliser = new TextNormaliser();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(text.length(), at + cut);
            normaliser.normalise(text.substring(at, end), out);
            at = end;
        }
        normaliser.normalise(text.substring(at), out);
        normaliser.finish(out);

        assertThat(out.toString()).isEqualTo(TextNormaliserTest.normalise(text));
    }

    @Property
    void leavesNoCarriageReturnNulOrEscape(@ForAll("consoleText") String text) {
        assertThat(TextNormaliserTest.normalise(text)).doesNotContain("\r", "\0", "\u001b");
    }
}
