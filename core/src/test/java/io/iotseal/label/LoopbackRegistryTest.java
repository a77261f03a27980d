package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded default's registry at http://127.0.0.1:PORT (ADR 0071): plain http for this machine only. */
class LoopbackRegistryTest {
    private final SigningKey key = TestLabels.key();

    @Test
    void aLabelOfALoopbackRegistryOpensItsLocalPageAndVerifies() {
        RegistryUrls local = RegistryUrls.at("http://127.0.0.1:8080");
        String qr = QrToken.issue(TestLabels.star1(), local, key);
        assertThat(qr).startsWith("http://127.0.0.1:8080/l/");
        var result = new LabelVerifier(TestLabels.trusting(key)).verifyQrText(qr, List.of(), Instant.parse("2027-06-01T12:00:00Z"));
        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.VALID);
    }

    @Test
    void plainHttpElsewhereIsRefused() {
        for (String origin : List.of("http://registry.example.org", "http://192.0.2.1:8080", "http://127.0.0.1.example:80",
                "http://localhost")) {
            assertThatThrownBy(() -> RegistryUrls.at(origin)).as(origin).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RegistryUrls.at("http://localhost:9090").labelPageBase()).isEqualTo("http://localhost:9090/l/");
    }
}
