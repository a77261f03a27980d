package io.iotseal.label.artwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.TestLabels;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.verify.LabelVerifier;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The PNG artwork of many different labels scans back at every scale the CLI and the registry use.
 * Before the artwork chose its symbol by scanning it in place, about 2% of random labels failed here.
 */
class ArtworkScanTest {
    @Test
    void theArtworkOfManyDifferentLabelsScansBackAtEachScale() throws Exception {
        var label = TestLabels.star1();
        var level = TestLabels.scheme("jc-star").level("star-1").orElseThrow();
        for (int i = 0; i < 30; i++) {
            String qr = QrToken.issue(label, TestLabels.URLS, TestLabels.key());
            for (int scale = 1; scale <= 4; scale++) {
                byte[] png = LabelArtwork.png(label, level, qr, scale);
                assertThat(png.length).isLessThan(LabelVerifier.MAX_IMAGE_BYTES);
                assertThat(QrCodes.decode(ImageIO.read(new ByteArrayInputStream(png))))
                        .as("label %d at scale %d", i, scale).isEqualTo(qr);
            }
        }
    }
}
