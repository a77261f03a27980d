package io.iotseal.label.qr;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.TestLabels;
import org.junit.jupiter.api.Test;

/**
 * Rendered QR codes scan back at several sizes. Before the mask check in {@link QrCodes#matrix},
 * about 2% of random labels failed here.
 */
class QrScanTest {
    @Test
    void renderedSymbolsOfManyDifferentLabelsScanBackAtSeveralSizes() {
        for (int i = 0; i < 60; i++) {
            String qr = QrToken.issue(TestLabels.star1(), TestLabels.URLS, TestLabels.key());
            for (int moduleSize : new int[] {2, 5}) {
                assertThat(QrCodes.decode(QrCodes.image(qr, moduleSize))).as("label %d at %d px", i, moduleSize)
                        .isEqualTo(qr);
            }
        }
    }
}
