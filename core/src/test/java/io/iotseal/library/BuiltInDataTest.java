package io.iotseal.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.Requirement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data shipped with IoTSeal loads and holds what the issue promises. */
class BuiltInDataTest {
    static StandardsLibrary library;

    @BeforeAll
    static void load() {
        library = StandardsLoader.loadBuiltIn();
    }

    @Test
    void en303645HasAll78ProvisionsWithParsedStatuses() {
        Catalog en = library.requireCatalog("etsi-en-303-645");
        assertThat(en.version()).isEqualTo("3.1.3");
        assertThat(en.requirements()).hasSize(78);
        assertThat(en.requirements().get(0).id()).isEqualTo("5.0-1");
        assertThat(en.requirements().get(77).id()).isEqualTo("6-8");
        Requirement bruteForce = en.requirement("5.1-5").orElseThrow();
        assertThat(bruteForce.status().isMandatory()).isTrue();
        assertThat(bruteForce.status().conditions()).containsExactly("14");
        assertThat(bruteForce.status().features()).containsExactly("e");
        assertThat(en.features()).extracting("id").contains("a", "z", "aa");
        assertThat(en.conditions()).extracting("id").containsExactlyInAnyOrder("3", "12", "14", "15", "16");
    }

    @Test
    void jcStarStar1HasSixteenCriteriaAndUnknownOnesSaySo() {
        Catalog star1 = library.requireCatalog("jc-star-star1");
        assertThat(star1.requirements()).hasSize(16);
        for (int i = 7; i <= 15; i++) {
            Requirement r = star1.requirement(String.format("S1.1-%02d", i)).orElseThrow();
            assertThat(r.confidence()).isEqualTo(Confidence.NOT_RETRIEVED);
            assertThat(r.title()).isNull();
            assertThat(r.note()).isNotBlank();
        }
        assertThat(star1.requirement("S1.1-04").orElseThrow().property("evaluation")).contains("device-test");
        assertThat(star1.name().exactly("ja")).isPresent();
    }

    @Test
    void iso27400ControlsCarryAudienceAndKind() {
        Catalog c = library.requireCatalog("iso-iec-27400");
        assertThat(c.requirements()).hasSize(45);
        Requirement userConsent = c.requirement("7.2.3.1").orElseThrow();
        assertThat(userConsent.property("audience")).containsExactly("user");
        assertThat(userConsent.property("kind")).containsExactly("privacy");
    }

    @Test
    void iso27402HasElevenRequirementClauses() {
        assertThat(library.requireCatalog("iso-iec-27402").requirements()).extracting(Requirement::id)
                .containsExactly("5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6",
                        "5.2.7", "5.2.8");
    }
}
