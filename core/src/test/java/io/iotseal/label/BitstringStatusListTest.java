package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.label.status.BitstringStatusList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {
    @Test
    void encodingIsMultibaseBase64urlOfGzipWithIndexZeroTheLeftmostBit() throws Exception {
        BitstringStatusList list = BitstringStatusList.empty(131_072).with(0, true).with(9, true).with(131_071, true);
        String encoded = list.encode();

        assertThat(encoded).startsWith("u").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        byte[] bits = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))
                .readAllBytes();
        assertThat(bits).hasSize(16_384);
        assertThat(bits[0] & 0xff).isEqualTo(0b1000_0000);
        assertThat(bits[1] & 0xff).isEqualTo(0b0100_0000);
        assertThat(bits[16_383] & 0xff).isEqualTo(0b0000_0001);
        assertThat(BitstringStatusList.decode(encoded).get(9)).isTrue();
        assertThat(BitstringStatusList.decode(encoded).get(8)).isFalse();
    }

    @Test
    void setAndClearLeaveOtherBitsAlone() {
        BitstringStatusList list = BitstringStatusList.empty(131_072).with(5, true).with(6, true).with(5, false);
        assertThat(list.get(5)).isFalse();
        assertThat(list.get(6)).isTrue();
        assertThat(list.size()).isEqualTo(131_072);
        assertThatThrownBy(() -> list.get(131_072)).hasMessageContaining("outside the list");
    }

    @Test
    void listsBelowTheMinimumOrExpandingTooFarAreRefused() throws Exception {
        assertThatThrownBy(() -> BitstringStatusList.empty(1024)).hasMessageContaining("131072");
        assertThatThrownBy(() -> BitstringStatusList.decode("u" + gzip(new byte[1024]))).hasMessageContaining("fewer than");
        assertThatThrownBy(() -> BitstringStatusList.decode("u" + gzip(new byte[(1 << 21) + 1])))
                .hasMessageContaining("more than");
        assertThatThrownBy(() -> BitstringStatusList.decode("zABC")).hasMessageContaining("starting with 'u'");
        assertThatThrownBy(() -> BitstringStatusList.decode("uAAAA")).hasMessageContaining("not GZIP");
    }

    private static String gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
