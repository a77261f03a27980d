package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.artwork.LabelArtwork;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class LabelArtworkTest {
    private final SigningKey key = TestLabels.key();
    private final Label label = TestLabels.star1();
    private final String qr = QrToken.issue(label, TestLabels.URLS, key);
    private final io.iotseal.scheme.SchemeLevel level = TestLabels.scheme("jc-star").level("star-1").orElseThrow();

    @Test
    void thePngLabelScansBackAndVerifies() {
        byte[] png = LabelArtwork.png(label, level, qr, 2);
        var result = new LabelVerifier(TestLabels.trusting(key)).verifyImage(png, List.of(),
                Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.VALID);
        assertThat(result.facts().orElseThrow().registrationNumber()).isEqualTo(label.registrationNumber());
    }

    @Test
    void theSvgIsWellFormedWithOneStarAndTheRegistrationNumber() throws Exception {
        String svg = LabelArtwork.svg(label, level, qr);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes("UTF-8")));
        assertThat(svg).contains(">★<", ">JC-STAR-STAR-1-A0012345<", ">JC-STAR<");
    }
}
