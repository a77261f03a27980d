package io.iotseal.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.library.StandardsLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheme product scopes and label modalities (ISO/IEC 27404) as data. */
class ProductScopeTest {
    private static final ProductScope JC_STAR = StandardsLoader.loadBuiltIn().scheme("jc-star").orElseThrow()
            .productScopeIfKnown().orElseThrow();

    @Test
    void jcStarCoversIpDevicesAlsoThroughAnotherDeviceAndLeavesOutGeneralPurposeOnes() {
        assertThat(JC_STAR.decide(null, true).inScope()).isTrue();
        assertThat(JC_STAR.decide(null, true).reason()).contains("through another device");
        assertThat(JC_STAR.decide(null, false).inScope()).isFalse();
        for (DeviceClass c : DeviceClass.values()) {
            assertThat(JC_STAR.decide(c, true).inScope()).as(c.code()).isFalse();
        }
    }

    /** The rule is the data's, not the code's: a scope that excludes nothing takes a smartphone. */
    @Test
    void aScopeWithoutExclusionsTakesASmartphone() {
        var open = new ProductScope(true, false, List.of(), LocalizedText.english("test"), Confidence.UNVERIFIED,
                List.of());
        assertThat(open.decide(DeviceClass.SMARTPHONE, true).inScope()).isTrue();
    }

    @Test
    void labelModalitiesAreRecordedWhereKnown() {
        var library = StandardsLoader.loadBuiltIn();
        assertThat(library.scheme("jc-star").orElseThrow().labelModality().modality()).isEqualTo(Modality.BOTH);
        assertThat(library.scheme("de-bsi-label").orElseThrow().labelModality().modality()).isEqualTo(Modality.BOTH);
        assertThat(library.scheme("uk-psti").orElseThrow().labelModality()).as("PSTI issues no label").isNull();
    }
}
