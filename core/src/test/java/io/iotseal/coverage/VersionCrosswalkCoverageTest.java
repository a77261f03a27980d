package io.iotseal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.crosswalk.Mapping;
import io.iotseal.crosswalk.Relationship;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: a pass under EN 303 645 V2.1.1 must not become a V3.1.3 "met" where V3.1.3 asks more than V2.1.1
 * (6-1 adds "for how long", 5.5-8 the parameters' whole lifecycle, 5.11-1 "all" user data). Before the fix the
 * version crosswalk said equal-to for these pairs and these tests failed with MET.
 */
class VersionCrosswalkCoverageTest {
    private static final StandardsLibrary LIBRARY = StandardsLoader.loadBuiltIn();
    private static final String V2 = "etsi-en-303-645-v2";
    private static final String V3 = "etsi-en-303-645";

    private static RequirementCoverage v3After(String id, Verdict v2Verdict) {
        var results = new AssessmentResults("test device", V2, List.of(new RequirementResult(id, v2Verdict, null)));
        return new CoverageEngine(LIBRARY).infer(results).coverageOf(new RequirementRef(V3, id));
    }

    /** Positive control: where the texts were compared and match, a V2 pass is a V3 "met". */
    @Test
    void aV2PassOfAnUnchangedProvisionIsMetInV3() {
        RequirementCoverage c = v3After("5.3-13", Verdict.PASS);
        assertThat(c.status()).isEqualTo(CoverageStatus.MET);
        assertThat(c.decidedBy().orElseThrow().chain()).extracting(Step::relationship)
                .containsExactly(Relationship.EQUAL_TO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6-1", "5.5-8", "5.11-1"})
    void aV2PassWhereV3AsksMoreIsOnlyPartiallyMet(String id) {
        RequirementCoverage c = v3After(id, Verdict.PASS);
        assertThat(c.status()).isEqualTo(CoverageStatus.PARTIALLY_MET);
        assertThat(c.decidedBy().orElseThrow().chain()).extracting(Step::relationship)
                .doesNotContain(Relationship.EQUAL_TO, Relationship.EQUIVALENT_TO, Relationship.SUPERSET_OF);
    }

    @Test
    void noEqualToInTheBuiltInDataWithoutAComparison() {
        for (Crosswalk crosswalk : LIBRARY.crosswalks()) {
            for (Mapping m : crosswalk.mappings()) {
                if (m.relationship() == Relationship.EQUAL_TO) {
                    assertThat(m.note()).as(crosswalk.id() + " " + m.source() + " -> " + m.target())
                            .containsIgnoringCase("compared").doesNotContainIgnoringCase("not compared");
                }
            }
        }
    }
}
