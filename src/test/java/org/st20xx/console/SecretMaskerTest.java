package org.st20xx.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private final SecretMasker masker = new SecretMasker();

    @Test
    void masksEveryOccurrence() {
        masker.register("789234");

        assertThat(masker.mask("pw 789234 again 789234.")).isEqualTo("pw **** again ****.");
    }

    @Test
    void masksTheLongestSecretStartingAtAPosition() {
        masker.register("abc");
        masker.register("abcdef");

        assertThat(masker.mask("xabcdefx abcx")).isEqualTo("x****x ****x");
    }

    @Test
    void overlappingSecretsLeaveNoneBehind() {
        masker.register("abc");
        masker.register("bcd");

        assertThat(masker.mask("abcd bcd")).isEqualTo("****d ****");
    }

    @Test
    void ignoresEmptyAndNullSecrets() {
        masker.register("");
        masker.register(null);

        assertThat(masker.hasSecrets()).isFalse();
        assertThat(masker.mask("text")).isEqualTo("text");
    }

    @Test
    void withoutSecretsAStreamPassesEveryPieceOnAtOnce() {
        SecretMasker.Stream stream = masker.stream();

        assertThat(stream.push("pw 78\r\n")).isEqualTo("pw 78\r\n");
        assertThat(stream.held()).isZero();
        assertThat(stream.push("")).isEmpty();
        assertThat(stream.finish()).isEmpty();
        assertThat(masker.mask("****")).isEqualTo("****");
    }

    @Test
    void streamHoldsBackWhatCouldStillBecomeASecret() {
        masker.register("784518");
        SecretMasker.Stream stream = masker.stream();

        assertThat(stream.push("web pw 78")).isEqualTo("web pw ");
        assertThat(stream.held()).isEqualTo(2);
        assertThat(stream.push("45")).isEmpty();
        assertThat(stream.push("18 ok")).isEqualTo("**** ok");
        assertThat(stream.held()).isZero();
    }

    @Test
    void streamReleasesAFalseStartAsSoonAsItDiverges() {
        masker.register("784518");
        SecretMasker.Stream stream = masker.stream();

        assertThat(stream.push("7845")).isEmpty();
        assertThat(stream.push("9")).isEqualTo("78459");
    }

    @Test
    void finishReleasesAnUnfinishedSecretPrefix() {
        masker.register("784518");
        SecretMasker.Stream stream = masker.stream();

        assertThat(stream.push("end 784")).isEqualTo("end ");
        assertThat(stream.finish()).isEqualTo("784");
    }

    @Test
    void secretRegisteredLaterAppliesToHeldAndLaterText() {
        SecretMasker.Stream stream = masker.stream();
        assertThat(stream.push("before s3cr")).isEqualTo("before s3cr");

        masker.register("s3cret");

        assertThat(stream.push("et s3cr")).isEqualTo("et ");
        assertThat(stream.push("et")).isEqualTo("****");
    }
}
