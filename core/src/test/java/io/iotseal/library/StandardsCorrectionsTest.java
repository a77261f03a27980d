package io.iotseal.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.Requirement;
import io.iotseal.crosswalk.Basis;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.crosswalk.Mapping;
import io.iotseal.crosswalk.Relationship;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Recognition;
import io.iotseal.scheme.Validity;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The corrections of issue 12 (items 2 to 5) hold in the built-in data; each test failed on the data before them. */
class StandardsCorrectionsTest {
    private static final StandardsLibrary LIBRARY = StandardsLoader.loadBuiltIn();

    private static Crosswalk crosswalk(String id) {
        return LIBRARY.crosswalks().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static Mapping mapping(String crosswalk, String source, String target) {
        return crosswalk(crosswalk).mappings().stream()
                .filter(m -> m.source().equals(source) && m.target().equals(target)).findFirst().orElseThrow();
    }

    @Test
    void pstiScheduleTwoIsPublishedAgainstV211AndDerivedForV313() {
        Crosswalk published = crosswalk("uk-psti--etsi-en-303-645-v2");
        assertThat(published.target()).isEqualTo("etsi-en-303-645-v2");
        assertThat(published.mappings()).extracting(m -> m.source() + "->" + m.target())
                .containsExactlyInAnyOrder("1->5.1-1", "1->5.1-2", "2->5.2-1", "3->5.3-13");
        assertThat(published.mappings()).allMatch(m -> m.basis() == Basis.PUBLISHED);
        assertThat(crosswalk("uk-psti--etsi-en-303-645").mappings())
                .allMatch(m -> m.basis() == Basis.OWN_ANALYSIS && m.confidence() == Confidence.UNVERIFIED);
    }

    @Test
    void star1ToPstiPairsAreOwnAnalysisAndTheAcceptanceIsARecognition() {
        assertThat(crosswalk("jc-star-star1--uk-psti").mappings()).allMatch(m -> m.basis() == Basis.OWN_ANALYSIS);
        Relationship s1116 = mapping("jc-star-star1--uk-psti", "S1.1-16", "3").relationship();
        assertThat(s1116.inverse().sourceCoversTarget()).as("PSTI 3 alone must not carry 'met' to S1.1-16").isFalse();
        Recognition route = LIBRARY.recognitions().stream()
                .filter(r -> r.recognizedLevel().equals(LevelRef.parse("uk-psti:compliance"))
                        && r.recognizerLevel().equals(LevelRef.parse("jc-star:star-1")))
                .findFirst().orElseThrow();
        assertThat(route.waives()).singleElement().satisfies(w ->
                assertThat(w.ids()).containsExactly("S1.1-02", "S1.1-05", "S1.1-16"));
    }

    @Test
    void craItemsHaveOneSourceTheOfficialJournalText() {
        var cra = LIBRARY.requireCatalog("eu-cra-annex-i");
        assertThat(cra.sources()).anySatisfy(s -> assertThat(s.title()).contains("Official Journal", "2024/2847"));
        for (Requirement r : cra.requirements()) {
            assertThat(r.confidence()).as(r.id()).isEqualTo(Confidence.VERIFIED);
            assertThat(r.sources()).as(r.id()).contains("OJ-CRA").doesNotContain("S62");
        }
    }

    @Test
    void bsiTwoYearsIsTheRegularTermNotAMaximum() {
        Validity v = LIBRARY.requireLevel(LevelRef.parse("de-bsi-label:label")).validity();
        assertThat(v.maximum()).isNull();
        assertThat(v.regularTerm()).isEqualTo(Period.ofYears(2));
        assertThat(v.term()).contains(Period.ofYears(2));
        var renewal = LIBRARY.requireLevel(LevelRef.parse("de-bsi-label:label")).renewal();
        assertThat(renewal.note().en()).doesNotContainIgnoringCase("pending");
    }

    @Test
    void smallerCorrections() {
        var v3 = LIBRARY.requireCatalog("etsi-en-303-645");
        assertThat(v3.group("5.0").orElseThrow().confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(v3.group("5.2").orElseThrow().title().en()).isEqualTo("Implement a means to manage reports of vulnerabilities");
        assertThat(v3.requirement("5.5-3").orElseThrow().paraphrase().en()).doesNotContain("updat");
        var v2 = LIBRARY.requireCatalog("etsi-en-303-645-v2");
        assertThat(v2.requirement("6-1").orElseThrow().paraphrase().en()).doesNotContain("how long");
        assertThat(v2.requirement("5.3-1").orElseThrow().paraphrase().en()).doesNotContain("immutable");
        assertThat(v2.requirement("5.6-1").orElseThrow().paraphrase().en()).doesNotContain("network-reachable");
        assertThat(v2.requirement("5.3-14").orElseThrow().paraphrase().en()).contains("defined support period");
        assertThat(v2.requirement("4-1").orElseThrow().status()).isNotNull();
        assertThat(LIBRARY.requireCatalog("nistir-8259b").group("EA").orElseThrow().title().en())
                .isEqualTo("Device Education and Awareness");
        assertThat(LIBRARY.requireLevel(LevelRef.parse("jc-star:star-2")).unknownRequirements().note().en())
                .contains("network cameras", "communication equipment");
        assertThat(LIBRARY.requireCatalog("jc-star-star1").documentTitles()).containsExactly("ja");
    }

    /** Item 9: ids and titles only as far as the public tables of contents go; the rest marked, not invented. */
    @Test
    void iso27400RiskSourcesAndIso27403AreCatalogsWithUnknownsMarked() {
        var riskSources = LIBRARY.requireCatalog("iso-iec-27400-risk-sources");
        assertThat(riskSources.requirements()).extracting(Requirement::id).containsExactly(
                "6.2.2.1", "6.2.2.2", "6.2.2.3", "6.2.2.4", "6.2.2.5", "6.2.3", "6.2.4");
        var domotics = LIBRARY.requireCatalog("iso-iec-27403");
        assertThat(domotics.requirements()).extracting(Requirement::id).startsWith("6.2.1", "6.2.2", "6.2.3", "6.2.4",
                "6.3.1", "6.3.2", "6.3.3", "6.3.4");
        Requirement cut = domotics.requirement("7.1.5").orElseThrow();
        assertThat(cut.confidence()).isEqualTo(Confidence.NOT_RETRIEVED);
        assertThat(cut.title()).isNull();
        assertThat(domotics.requirements()).last().isEqualTo(cut);
    }
}
