package io.iotseal.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedPasswordTest {

    @Test
    void fourGroupsOfFiveUnambiguousCharacters() {
        String password = GeneratedPassword.generate();
        assertThat(password).matches("[" + GeneratedPassword.ALPHABET + "]{5}(-[" + GeneratedPassword.ALPHABET + "]{5}){3}");
        assertThat(GeneratedPassword.ALPHABET).hasSize(57).doesNotContain("0", "O", "1", "l", "I");
    }

    @Test
    void everyCallMakesANewOne() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(GeneratedPassword.generate());
        }
        assertThat(seen).hasSize(1000);
    }
}
