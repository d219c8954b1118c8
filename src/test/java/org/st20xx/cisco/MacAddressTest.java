package org.st20xx.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.st20xx.ExitStatus;
import org.st20xx.St20xxException;

class MacAddressTest {
    @Test
    void readsEveryUsualNotationAsTwelveCapitalDigits() {
        for (String text : new String[] {"00:1a:2b:3c:4d:5e", "00:1A:2B:3C:4D:5E", "00-1A-2B-3C-4D-5E", "001A.2B3C.4D5E",
            "001a.2b3c.4d5e", "001a2b3c4d5e", "001A2B3C4D5E", " 00:1a:2b:3c:4d:5e "}) {
            assertThat(MacAddress.parse(text, "--mac").hex()).as(text).isEqualTo("001A2B3C4D5E");
        }
    }

    @Test
    void refusesAnythingElseNamingTheOption() {
        for (String text : new String[] {"", "00:1a:2b:3c:4d", "00:1a:2b:3c:4d:5e:6f", "00:1a-2b:3c:4d:5e",
            "001a2b3c4d5g", "0:1a:2b:3c:4d:5e", "001A2B.3C4D5E", "SEP001A2B3C4D5E", "00:1a:2b:3c:4d:5e:"}) {
            assertThatThrownBy(() -> MacAddress.parse(text, "--mac")).as("'%s'", text)
                    .isInstanceOfSatisfying(St20xxException.class, e -> {
                        assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
                        assertThat(e.getMessage()).startsWith("--mac '").contains("not a MAC address").doesNotContain("\n");
                    });
        }
    }

    @Test
    void theRecordHoldsOnlyTheFileNameForm() {
        assertThat(MacAddress.isFileNameForm("001A2B3C4D5E")).isTrue();
        assertThat(MacAddress.isFileNameForm("001a2b3c4d5e")).isFalse();
        assertThatThrownBy(() -> new MacAddress("001a2b3c4d5e")).isInstanceOf(IllegalArgumentException.class);
    }
}
