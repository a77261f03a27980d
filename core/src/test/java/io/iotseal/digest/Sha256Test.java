package io.iotseal.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

    // FIPS 180-2 appendix B.1: SHA-256("abc").
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hexMatchesTheFipsVector() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
    }

    @Test
    void digestIsTheRawFormOfTheHex() {
        assertThat(Sha256.digest("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(HexFormat.of().parseHex(ABC));
    }
}
