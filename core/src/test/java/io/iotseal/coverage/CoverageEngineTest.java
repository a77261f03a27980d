package io.iotseal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.Fixtures;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Relationship;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Coverage inference on the small fixture: A-1 equal-to B-1, A-2 subset-of B-2, A-3 superset-of B-3,
 * A-4 intersects-with B-4; B-1 superset-of C-1, B-2 equivalent-to C-2, B-4 no-relationship C-4;
 * A-3 equal-to C-3.
 */
class CoverageEngineTest {
    private final StandardsLibrary library = Fixtures.small();
    private final CoverageEngine engine = new CoverageEngine(library);

    private static AssessmentResults onA(Object... idVerdict) {
        List<RequirementResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < idVerdict.length; i += 2) {
            Verdict v = (Verdict) idVerdict[i + 1];
            results.add(new RequirementResult((String) idVerdict[i], v, v == Verdict.NOT_APPLICABLE ? "no such feature" : null));
        }
        return new AssessmentResults("test product", "a", results);
    }

    private RequirementCoverage coverage(AssessmentResults results, String catalog, String id) {
        return engine.infer(results).coverageOf(new RequirementRef(catalog, id));
    }

    @Test
    void passCarriesThroughEqualAndSuperset() {
        var results = onA("A-1", Verdict.PASS, "A-3", Verdict.PASS);
        assertThat(coverage(results, "b", "B-1").status()).isEqualTo(CoverageStatus.MET);
        assertThat(coverage(results, "b", "B-3").status()).isEqualTo(CoverageStatus.MET);
        RequirementCoverage c1 = coverage(results, "c", "C-1");
        assertThat(c1.status()).isEqualTo(CoverageStatus.MET);
        assertThat(c1.decidedBy().orElseThrow().chain()).extracting(Step::relationship)
                .containsExactly(Relationship.EQUAL_TO, Relationship.SUPERSET_OF);
        assertThat(c1.decidedBy().orElseThrow().describe())
                .isEqualTo("a#A-1 pass -> equal-to -> b#B-1 -> superset-of -> c#C-1");
    }

    @Test
    void passThroughSubsetOrIntersectionIsOnlyPartial() {
        var results = onA("A-2", Verdict.PASS, "A-4", Verdict.PASS);
        assertThat(coverage(results, "b", "B-2").status()).isEqualTo(CoverageStatus.PARTIALLY_MET);
        assertThat(coverage(results, "b", "B-4").status()).isEqualTo(CoverageStatus.PARTIALLY_MET);
        // Partial carries on where the next requirement contains the current one (equivalent-to).
        assertThat(coverage(results, "c", "C-2").status()).isEqualTo(CoverageStatus.PARTIALLY_MET);
    }

    @Test
    void failCarriesOnlyIntoRequirementsThatContainIt() {
        var results = onA("A-1", Verdict.FAIL, "A-2", Verdict.FAIL, "A-3", Verdict.FAIL);
        assertThat(coverage(results, "b", "B-1").status()).isEqualTo(CoverageStatus.NOT_MET);
        assertThat(coverage(results, "b", "B-2").status()).isEqualTo(CoverageStatus.NOT_MET);
        assertThat(coverage(results, "c", "C-2").status()).isEqualTo(CoverageStatus.NOT_MET);
        // A-3 is broader than B-3: failing A-3 says nothing about B-3.
        assertThat(coverage(results, "b", "B-3").status()).isEqualTo(CoverageStatus.UNKNOWN);
        // B-1 is broader than C-1: failing B-1 says nothing about C-1.
        assertThat(coverage(results, "c", "C-1").status()).isEqualTo(CoverageStatus.UNKNOWN);
    }

    @Test
    void nothingIsInferredFromAbsenceOrNotApplicable() {
        var results = onA("A-1", Verdict.NOT_APPLICABLE, "A-2", Verdict.NOT_ASSESSED);
        assertThat(coverage(results, "b", "B-1").status()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(coverage(results, "b", "B-2").status()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(coverage(results, "b", "B-3").status()).isEqualTo(CoverageStatus.UNKNOWN);
        assertThat(coverage(results, "b", "B-3").decidedBy()).isEmpty();
        assertThat(coverage(results, "a", "A-1").status()).isEqualTo(CoverageStatus.NOT_APPLICABLE);
    }

    @Test
    void noRelationshipMappingsCarryNothing() {
        var results = onA("A-4", Verdict.PASS);
        assertThat(coverage(results, "c", "C-4").status()).isEqualTo(CoverageStatus.UNKNOWN);
    }

    @Test
    void mappingsWorkInReverse() {
        // B-2 superset-of A-2 when read backwards: passing B-2 meets A-2.
        var results = new AssessmentResults(null, "b", List.of(new RequirementResult("B-2", Verdict.PASS, null)));
        RequirementCoverage a2 = engine.infer(results).coverageOf(new RequirementRef("a", "A-2"));
        assertThat(a2.status()).isEqualTo(CoverageStatus.MET);
        assertThat(a2.decidedBy().orElseThrow().chain().get(0).reversed()).isTrue();
        assertThat(a2.decidedBy().orElseThrow().chain().get(0).relationship()).isEqualTo(Relationship.SUPERSET_OF);
    }

    @Test
    void conflictingChainsAreReportedAndNotMetWins() {
        // C-1 is reached as met through A-1 = B-1 ⊇ C-1, and as not met through A-4 = C-1.
        var results = onA("A-1", Verdict.PASS, "A-4", Verdict.FAIL);
        RequirementCoverage c1 = coverage(results, "c", "C-1");
        assertThat(c1.status()).isEqualTo(CoverageStatus.NOT_MET);
        assertThat(c1.decidedBy().orElseThrow().describe()).isEqualTo("a#A-4 fail -> equal-to -> c#C-1");
        assertThat(c1.conflicting()).extracting(Inference::describe)
                .containsExactly("a#A-1 pass -> equal-to -> b#B-1 -> superset-of -> c#C-1");
    }

    @Test
    void theShorterChainWinsBetweenEqualStatuses() {
        var results = onA("A-1", Verdict.PASS, "A-4", Verdict.PASS);
        assertThat(coverage(results, "c", "C-1").decidedBy().orElseThrow().chain()).hasSize(1);
    }

    @Test
    void aChainNeverReturnsToACatalogItPassed() {
        var results = onA("A-1", Verdict.PASS);
        var inferences = engine.infer(results);
        // B-1 -> (reversed) A-1 would re-enter catalog a; the only inference on A-1 is the direct one.
        assertThat(inferences.coverageOf(new RequirementRef("a", "A-1")).decidedBy().orElseThrow().chain()).isEmpty();
    }

    @Test
    void carryRulesTruthTable() {
        for (Relationship r : Relationship.values()) {
            Optional<CoverageStatus> met = CoverageEngine.carry(CoverageStatus.MET, r);
            Optional<CoverageStatus> notMet = CoverageEngine.carry(CoverageStatus.NOT_MET, r);
            Optional<CoverageStatus> partial = CoverageEngine.carry(CoverageStatus.PARTIALLY_MET, r);
            switch (r) {
                case EQUAL_TO, EQUIVALENT_TO -> {
                    assertThat(met).contains(CoverageStatus.MET);
                    assertThat(notMet).contains(CoverageStatus.NOT_MET);
                    assertThat(partial).contains(CoverageStatus.PARTIALLY_MET);
                }
                case SUPERSET_OF -> {
                    assertThat(met).contains(CoverageStatus.MET);
                    assertThat(notMet).isEmpty();
                    assertThat(partial).isEmpty();
                }
                case SUBSET_OF -> {
                    assertThat(met).contains(CoverageStatus.PARTIALLY_MET);
                    assertThat(notMet).contains(CoverageStatus.NOT_MET);
                    assertThat(partial).contains(CoverageStatus.PARTIALLY_MET);
                }
                case INTERSECTS_WITH, NO_RELATIONSHIP -> {
                    assertThat(met).contains(CoverageStatus.PARTIALLY_MET);
                    assertThat(notMet).isEmpty();
                    assertThat(partial).isEmpty();
                }
            }
        }
    }

    @Test
    void levelIsMetOnlyWhenEverythingIsMetAndNothingUnknown() {
        var allPass = onA("A-1", Verdict.PASS, "A-2", Verdict.PASS, "A-3", Verdict.PASS, "A-4", Verdict.PASS);
        LevelCoverage l1 = engine.toLevel(allPass, LevelRef.parse("s:l1"));
        // B-1 met (equal), B-2 only partially (A-2 subset-of B-2).
        assertThat(l1.status()).isEqualTo(CoverageStatus.PARTIALLY_MET);

        var onB = new AssessmentResults(null, "b", List.of(new RequirementResult("B-1", Verdict.PASS, null),
                new RequirementResult("B-2", Verdict.PASS, null)));
        assertThat(engine.toLevel(onB, LevelRef.parse("s:l1")).status()).isEqualTo(CoverageStatus.MET);
        LevelCoverage l2 = engine.toLevel(onB, LevelRef.parse("s:l2"));
        assertThat(l2.unknownParts()).hasSize(1);
        assertThat(l2.status()).isEqualTo(CoverageStatus.PARTIALLY_MET);
        // l2 = l1's B-1, B-2 plus the mandatory requirements of c's group G1 and its sub-group G2.
        assertThat(l2.requirements()).extracting(r -> r.target().toString())
                .containsExactly("b#B-1", "b#B-2", "c#C-1", "c#C-2", "c#C-4");

        var oneFail = new AssessmentResults(null, "b", List.of(new RequirementResult("B-1", Verdict.FAIL, null),
                new RequirementResult("B-2", Verdict.PASS, null)));
        assertThat(engine.toLevel(oneFail, LevelRef.parse("s:l1")).status()).isEqualTo(CoverageStatus.NOT_MET);
    }

    @Test
    void resultsNamingUnknownRequirementsAreRejected() {
        var results = onA("A-1", Verdict.PASS, "A-9", Verdict.PASS, "Z-1", Verdict.FAIL);
        assertThatThrownBy(() -> engine.infer(results))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("results: requirement(s) A-9, Z-1 do not exist in catalog 'a'");
    }

    @Test
    void notApplicableNeedsAJustificationAndDuplicatesAreRejected() {
        assertThatThrownBy(() -> new RequirementResult("A-1", Verdict.NOT_APPLICABLE, " "))
                .hasMessageContaining("needs a justification");
        assertThatThrownBy(() -> new AssessmentResults(null, "a", List.of(new RequirementResult("A-1", Verdict.PASS, null),
                new RequirementResult("A-1", Verdict.FAIL, null)))).hasMessageContaining("has two verdicts");
    }

    @Test
    void levelCoverageListsRecognitionsWithTheRecognizedLevelsStatus() {
        var onB = new AssessmentResults(null, "b", List.of(new RequirementResult("B-1", Verdict.PASS, null),
                new RequirementResult("B-2", Verdict.PASS, null)));
        LevelCoverage l2 = engine.toLevel(onB, LevelRef.parse("s:l2"));
        assertThat(l2.recognitions()).singleElement().satisfies(route -> {
            assertThat(route.recognition().recognized()).isEqualTo("s:l1");
            assertThat(route.recognizedLevelStatus()).isEqualTo(CoverageStatus.MET);
        });
        assertThat(engine.toLevel(onB, LevelRef.parse("s:l1")).recognitions()).isEmpty();
    }
}
