package org.st20xx.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the chunking of the received text, and wherever sends and notes fall between the
 * chunks: no record of the transcript contains a registered secret, the received records put
 * together equal the received text with each secret replaced by {@code ****}, and every sent
 * record is the sent text masked.
 */
class TranscriptProperties {

    record Dialogue(List<String> secrets, String received, List<Integer> cuts, List<String> sends) {
    }

    @Provide
    Arbitrary<Dialogue> dialogues() {
        Arbitrary<List<String>> secrets = Arbitraries.strings().withChars("pw0189").ofMinLength(3).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3);
        return secrets.flatMap(list -> {
            Arbitrary<String> piece = Arbitraries.oneOf(
                    Arbitraries.of(list),
                    Arbitraries.strings().withChars("pw0189 :#\r\n\u001b[").ofMaxLength(8));
            Arbitrary<String> received = piece.list().ofMaxSize(16).map(p -> String.join("", p));
            Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 9).list().ofMaxSize(25);
            Arbitrary<List<String>> sends = piece.list().ofMaxSize(25);
            return Combinators.combine(Arbitraries.just(list), received, cuts, sends).as(Dialogue::new);
        });
    }

    @Property
    void noRecordEverHoldsASecretAndReceivedTextSurvivesMasked(@ForAll("dialogues") Dialogue d) {
        SecretMasker masker = SecretMaskerProperties.masker(d.secrets());
        StringWriter out = new StringWriter();
        Transcript transcript = new Transcript(out, masker, TranscriptTest.CLOCK);

        int at = 0;
        for (int i = 0; i < d.cuts().size(); i++) {
            int end = Math.min(d.received().length(), at + d.cuts().get(i));
            transcript.received(d.received().substring(at, end));
            at = end;
            if (i < d.sends().size()) {
                transcript.sent(d.sends().get(i));
            }
        }
        transcript.received(d.received().substring(at));
        transcript.close();

        List<TranscriptLines.Entry> entries = TranscriptLines.parse(out.toString());
        List<String> leaks = entries.stream().map(TranscriptLines.Entry::payload)
                .filter(payload -> d.secrets().stream().anyMatch(payload::contains))
                .toList();
        assertThat(leaks).isEmpty();
        assertThat(TranscriptLines.joined(entries, "<<")).isEqualTo(masker.mask(d.received()));
        List<String> sent = entries.stream().filter(e -> e.marker().equals(">>")).map(TranscriptLines.Entry::payload).toList();
        List<String> expectedSent = d.sends().stream().limit(d.cuts().size()).map(masker::mask).toList();
        assertThat(sent).isEqualTo(expectedSent);
    }

    @Property
    void everyRecordIsOneLine(@ForAll @Size(max = 10) List<@IntRange(min = 0, max = 0x9f) Integer> codes) {
        StringBuilder text = new StringBuilder();
        codes.forEach(c -> text.append((char) (int) c));
        StringWriter out = new StringWriter();
        Transcript transcript = new Transcript(out, new SecretMasker(), TranscriptTest.CLOCK);

        transcript.sent(text);
        transcript.note(text.toString());
        transcript.close();

        List<TranscriptLines.Entry> entries = TranscriptLines.parse(out.toString());
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> assertThat(e.payload()).isEqualTo(text.toString()));
    }
}
