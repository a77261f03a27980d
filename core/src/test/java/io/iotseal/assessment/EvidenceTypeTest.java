package io.iotseal.assessment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTypeTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recognisesEachKindFromItsContent() {
        assertThat(EvidenceType.detect(bytes("%PDF-1.7\n..."))).contains(EvidenceType.PDF);
        assertThat(EvidenceType.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})).contains(EvidenceType.PNG);
        assertThat(EvidenceType.detect(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).contains(EvidenceType.JPEG);
        assertThat(EvidenceType.detect(new byte[]{'P', 'K', 3, 4, 20, 0})).contains(EvidenceType.ZIP);
        assertThat(EvidenceType.detect(bytes("{\"ok\": [1, 2]}"))).contains(EvidenceType.JSON);
        assertThat(EvidenceType.detect(bytes("Test report: パスワードは端末ごとに異なる\n"))).contains(EvidenceType.TEXT);
        assertThat(EvidenceType.detect(bytes("{\"broken\": "))).contains(EvidenceType.TEXT);
        assertThat(EvidenceType.detect(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0})).isEmpty();
    }

    @Test
    void declaredTypesAreMatchedWithoutParameters() {
        assertThat(EvidenceType.ofMediaType("text/plain; charset=utf-8")).contains(EvidenceType.TEXT);
        assertThat(EvidenceType.ofMediaType("application/octet-stream")).isEmpty();
        assertThat(EvidenceType.TEXT.accepts(EvidenceType.JSON)).isTrue();
        assertThat(EvidenceType.PDF.accepts(EvidenceType.TEXT)).isFalse();
    }
}
