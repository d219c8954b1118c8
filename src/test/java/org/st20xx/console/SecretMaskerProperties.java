package org.st20xx.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Masking is independent of how the text is cut into pieces, never lets a secret through, and
 * equals a plain regular-expression replacement (longest secret first). Secrets and text use a
 * small alphabet so that secrets occur often, overlap and nest.
 */
class SecretMaskerProperties {

    record Case(List<String> secrets, String text) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> secret = Arbitraries.strings().withChars("abc12").ofMinLength(2).ofMaxLength(8);
        Arbitrary<List<String>> secrets = secret.list().ofMinSize(1).ofMaxSize(3);
        return secrets.flatMap(list -> {
            Arbitrary<String> piece = Arbitraries.oneOf(
                    Arbitraries.of(list),
                    Arbitraries.strings().withChars("abc12 \r\n").ofMaxLength(6));
            Arbitrary<String> text = piece.list().ofMaxSize(12).map(p -> String.join("", p));
            return Combinators.combine(Arbitraries.just(list), text).as(Case::new);
        });
    }

    @Property
    void chunkedStreamEqualsMaskingTheWholeText(@ForAll("cases") Case c,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 7) Integer> cuts) {
        SecretMasker masker = masker(c.secrets());

        String streamed = pushInPieces(masker.stream(), c.text(), cuts);

        assertThat(streamed).isEqualTo(masker.mask(c.text()));
    }

    @Property
    void chunkedStreamNeverLeaksASecretAndReplacesEachOne(@ForAll("cases") Case c,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 7) Integer> cuts) {
        SecretMasker masker = masker(c.secrets());

        String streamed = pushInPieces(masker.stream(), c.text(), cuts);

        for (String secret : c.secrets()) {
            assertThat(streamed).doesNotContain(secret);
        }
        assertThat(streamed).isEqualTo(reference(c.secrets(), c.text()));
    }

    @Property
    void streamHoldsBackLessThanTheLongestSecret(@ForAll("cases") Case c,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 7) Integer> cuts) {
        SecretMasker masker = masker(c.secrets());
        SecretMasker.Stream stream = masker.stream();
        int longest = c.secrets().stream().mapToInt(String::length).max().orElse(0);

        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(c.text().length(), at + cut);
            stream.push(c.text().substring(at, end));
            at = end;
            assertThat(stream.held()).isLessThan(longest);
        }
    }

    static SecretMasker masker(List<String> secrets) {
        SecretMasker masker = new SecretMasker();
        secrets.forEach(masker::register);
        return masker;
    }

    /** Pushes {@code text} cut at the given piece lengths (the rest in one piece), then finishes. */
    static String pushInPieces(SecretMasker.Stream stream, String text, List<Integer> cuts) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(text.length(), at + cut);
            out.append(stream.push(text.substring(at, end)));
            at = end;
        }
        out.append(stream.push(text.substring(at)));
        out.append(stream.finish());
        return out.toString();
    }

    /** The same rule written as a regular expression: alternatives longest first, leftmost match. */
    static String reference(List<String> secrets, String text) {
        String alternatives = secrets.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile(alternatives).matcher(text).replaceAll(Matcher.quoteReplacement(SecretMasker.MASK));
    }
}
