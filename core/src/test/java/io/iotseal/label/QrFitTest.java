package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrFitTest {
    private final SigningKey key = TestLabels.key();
    private final Instant now = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void theLargestLabelAllowedFitsVersion15AtLevelMAndStillVerifies() {
        RegistryUrls longest = new RegistryUrls("https://registry.example.org",
                "https://" + "r".repeat(LabelLimits.BASE_URL_CHARS - 15) + ".org/l/", "https://registry.example.org/status/");
        assertThat(longest.labelPageBase()).hasSize(LabelLimits.BASE_URL_CHARS);
        Label label = LabelIssuer.issue(TestLabels.scheme("sg-cls"), "level-4", "ZZZZZZZZZZZZ", "ABCDEFGHIJKL",
                TestLabels.worstCaseProduct(), TestLabels.ISSUED, (1 << 24) - 1);

        String qr = QrToken.issue(label, longest, key);

        int version = QrCodes.version(qr);
        assertThat(version).isLessThanOrEqualTo(15);
        assertThat(qr).startsWith(longest.labelPageBase());
        var result = new LabelVerifier(TestLabels.trusting(key)).verifyQrText(qr, List.of(), now);
        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        var facts = result.facts().orElseThrow();
        assertThat(facts.models()).isNotEmpty();
        assertThat(facts.models().size() + facts.modelsOmitted()).isEqualTo(LabelLimits.MAX_MODELS);
        assertThat(facts.vendor()).isEqualTo(label.product().vendor());
    }

    @Test
    void aTypicalLabelCarriesAllItsModels() {
        String qr = QrToken.issue(TestLabels.star1(), TestLabels.URLS, key);
        assertThat(QrCodes.version(qr)).isLessThanOrEqualTo(13);
        var facts = new LabelVerifier(TestLabels.trusting(key)).verifyQrText(qr, List.of(), now).facts().orElseThrow();
        assertThat(facts.models()).containsExactly("HC-200", "HC-200W");
        assertThat(facts.modelsOmitted()).isZero();
    }

    @Test
    void theFullCredentialWouldNotFitWhichIsWhyTheQrCarriesACompactToken() {
        String credential = io.iotseal.label.credential.LabelCredential.sign(TestLabels.star1(), TestLabels.URLS, key);
        int version = QrCodes.version(credential);
        assertThat(version).isGreaterThan(QrCodes.MAX_VERSION);
    }

    @Test
    void oversizeFieldsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new Product(TestLabels.fill("V", LabelLimits.VENDOR_BYTES + 1),
                LocalizedText.english("x"), List.of("m"), List.of(), TestLabels.ISSUED))
                .hasMessageContaining("product.vendor").hasMessageContaining("over the limit");
        assertThatThrownBy(() -> new Product("v", new LocalizedText(Map.of("en", "x", "ja", "あ".repeat(21))),
                List.of("m"), List.of(), TestLabels.ISSUED))
                .hasMessageContaining("product.name.ja is 63 bytes");
        assertThatThrownBy(() -> new Product("v", LocalizedText.english("x"), List.of(), List.of(), TestLabels.ISSUED))
                .hasMessageContaining("product.models needs at least 1");
    }
}
