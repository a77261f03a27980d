package io.iotseal.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.applicability.Applicability;
import io.iotseal.applicability.ProductProfile;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.CoverageStatus;
import io.iotseal.coverage.Verdict;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.oscal.OscalAssessmentResultsExporter;
import io.iotseal.oscal.OscalSchemas;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentTest {

    private static final StandardsLibrary LIBRARY = StandardsLoader.loadBuiltIn();
    private static final ProductProfile NOTHING_DECLARED = new ProductProfile("p", Map.of(), Map.of());

    private static RequirementRef star1(String id) {
        return new RequirementRef("jc-star-star1", id);
    }

    @Test
    void starOneScopeIsTheSixteenCriteriaOnTheSelfDeclarationRoute() {
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-1"), NOTHING_DECLARED);
        assertThat(scope.route()).isEqualTo(Route.SELF_DECLARATION);
        assertThat(scope.requirements()).hasSize(16).allMatch(r -> r.applicability() == Applicability.APPLIES);
        assertThat(scope.contains(star1("S1.1-16"))).isTrue();

        AssessmentScope star3 = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-3"), NOTHING_DECLARED);
        assertThat(star3.route()).isEqualTo(Route.THIRD_PARTY);
        assertThat(star3.unknownParts()).isNotEmpty(); // ★2/★3 criteria are not in the data, and that is said
    }

    @Test
    void declaredFeaturesDecideApplicabilityOnACatalog() {
        ProductProfile noUi = new ProductProfile("cam", Map.of(), Map.of());
        AssessmentScope undeclared = AssessmentScope.resolve(LIBRARY, Target.parse("etsi-en-303-645"), noUi);
        long undetermined = undeclared.requirements().stream()
                .filter(r -> r.applicability() == Applicability.UNDETERMINED).count();
        assertThat(undetermined).isPositive();
        assertThatThrownBy(() -> AssessmentScope.resolve(LIBRARY, Target.parse("etsi-en-303-645"),
                new ProductProfile("x", Map.of("no-such-feature", true), Map.of())))
                .hasMessageContaining("features.no-such-feature");
    }

    @Test
    void completenessNamesEveryProblemRequirement() {
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-1"), NOTHING_DECLARED);
        Map<RequirementRef, Answer> answers = new LinkedHashMap<>();
        scope.requirements().forEach(r -> answers.put(r.requirement(),
                new Answer(r.requirement(), Verdict.PASS, "tested", List.of(), null)));
        assertThat(Completeness.check(scope, answers)).isEmpty();

        answers.put(star1("S1.1-03"), new Answer(star1("S1.1-03"), Verdict.FAIL, "no", List.of(), null));
        answers.put(star1("S1.1-04"), new Answer(star1("S1.1-04"), Verdict.NOT_APPLICABLE, " ", List.of(), null));
        answers.remove(star1("S1.1-05"));
        List<Completeness.Problem> problems = Completeness.check(scope, answers);
        assertThat(problems).extracting(p -> p.requirement().requirement())
                .containsExactly("S1.1-03", "S1.1-04", "S1.1-05");
        assertThat(problems.get(0).message()).contains("blocks submission");
        assertThat(problems.get(1).message()).contains("justification");
        assertThat(problems.get(2).message()).contains("not answered");
    }

    @Test
    void prefillFromEn303645FillsWhatItCanWithProvenanceAndKeepsPersonAnswers() {
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-1"), NOTHING_DECLARED);
        List<io.iotseal.coverage.RequirementResult> all = LIBRARY.requireCatalog("etsi-en-303-645").requirements().stream()
                .map(r -> new io.iotseal.coverage.RequirementResult(r.id(), Verdict.PASS, "lab report 12"))
                .toList();
        AssessmentResults en = new AssessmentResults("router", "etsi-en-303-645", all);
        Map<RequirementRef, Answer> current = new HashMap<>();
        Answer mine = new Answer(star1("S1.1-04"), Verdict.FAIL, "our own finding", List.of(), null);
        current.put(mine.requirement(), mine);

        Prefill.Result result = Prefill.from(LIBRARY, "en-assessment-1", List.of(en), scope, current);

        assertThat(result.answers()).isNotEmpty().allMatch(Answer::prefilled)
                .allMatch(a -> a.verdict() == Verdict.PASS)
                .noneMatch(a -> a.requirement().equals(mine.requirement()));
        assertThat(result.keptPersonAnswers()).containsExactly(mine.requirement());
        Answer s105 = result.answers().stream().filter(a -> a.requirement().equals(star1("S1.1-05"))).findFirst().orElseThrow();
        assertThat(s105.provenance().origin().catalog()).isEqualTo("etsi-en-303-645");
        assertThat(s105.provenance().originVerdict()).isEqualTo(Verdict.PASS);
        assertThat(s105.provenance().chain()).isNotEmpty();
        assertThat(s105.provenance().sourceAssessment()).isEqualTo("en-assessment-1");
        assertThat(s105.justification()).contains("Prefilled from etsi-en-303-645#");
        // Partial coverage (intersects-with) is a hint for a person, not an answer.
        assertThat(result.hints()).anyMatch(h -> h.status() == CoverageStatus.PARTIALLY_MET && h.provenance() != null);
        assertThat(result.answers()).noneMatch(a -> result.hints().stream().anyMatch(h -> h.requirement().equals(a.requirement())));
    }

    @Test
    void aFailCarriesWhereTheMappingSaysSoAndAnEarlierPrefillMayBeReplaced() {
        // S1.1-04 is a subset of EN 303 645 5.1-5: failing the smaller one means failing the larger one.
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("etsi-en-303-645"), NOTHING_DECLARED);
        AssessmentResults star = new AssessmentResults("router", "jc-star-star1",
                List.of(new io.iotseal.coverage.RequirementResult("S1.1-04", Verdict.FAIL, "no rate limit")));
        RequirementRef target = new RequirementRef("etsi-en-303-645", "5.1-5");
        Prefill.Result first = Prefill.from(LIBRARY, "a", List.of(star), scope, Map.of());
        Answer failed = first.answers().stream().filter(a -> a.requirement().equals(target)).findFirst().orElseThrow();
        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.provenance().chain()).singleElement()
                .satisfies(step -> assertThat(step.relationship().code()).isEqualTo("subset-of"));
        Prefill.Result again = Prefill.from(LIBRARY, "a", List.of(star), scope, Map.of(target, failed));
        assertThat(again.answers()).extracting(Answer::requirement).contains(target);
        assertThat(again.keptPersonAnswers()).isEmpty();
    }

    @Test
    void oscalAssessmentResultsAreValidAgainstTheOfficialSchema() {
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-1"), NOTHING_DECLARED);
        Map<RequirementRef, Answer> answers = new LinkedHashMap<>();
        answers.put(star1("S1.1-01"), new Answer(star1("S1.1-01"), Verdict.PASS, "login required", List.of("a".repeat(64)), null));
        answers.put(star1("S1.1-02"), new Answer(star1("S1.1-02"), Verdict.NOT_APPLICABLE, "no passwords", List.of(), null));
        answers.put(star1("S1.1-03"), new Answer(star1("S1.1-03"), Verdict.FAIL, "fixed value", List.of(), null));
        AssessmentSnapshot snapshot = new AssessmentSnapshot("3f1c", "Router", "Vendor A", "1.0", scope,
                AssessmentState.ACCEPTED, answers, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"));
        ObjectNode doc = OscalAssessmentResultsExporter.export(snapshot, "/api/v1/assessments/3f1c");
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
        JsonNode result = doc.at("/assessment-results/results/0");
        assertThat(result.at("/reviewed-controls/control-selections/0/include-controls")).hasSize(16);
        assertThat(result.get("findings")).hasSize(3);
        assertThat(result.at("/findings/2/target/status/state").asText()).isEqualTo("not-satisfied");
        assertThat(result.at("/findings/1/target/implementation-status/state").asText()).isEqualTo("not-applicable");
        assertThat(Optional.ofNullable(result.get("end"))).isPresent();
    }

    @Test
    void labTestCasesBecomeObservationsLinkedFromTheirFinding() {
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-3"), NOTHING_DECLARED);
        Map<RequirementRef, Answer> answers = Map.of(star1("S1.1-04"),
                new Answer(star1("S1.1-04"), Verdict.PASS, "locked out after 5 attempts", List.of(), null));
        List<LabTestCase> tests = List.of(
                new LabTestCase(star1("S1.1-04"), "TC-04-F1", true, "pass", "500 wrong logins", "locked out"),
                new LabTestCase(star1("S1.1-04"), "TC-04-C1", false, "inconclusive", "design review", null));
        AssessmentSnapshot snapshot = new AssessmentSnapshot("lab1", "Camera", "Vendor", "3.1", scope,
                AssessmentState.LAB_SUBMITTED, answers, Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-03T10:00:00Z"), tests);
        ObjectNode doc = OscalAssessmentResultsExporter.export(snapshot, "/api/v1/assessments/lab1");
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
        JsonNode result = doc.at("/assessment-results/results/0");
        assertThat(result.get("observations")).hasSize(3);
        assertThat(result.at("/observations/0/methods/0").asText()).isEqualTo("TEST");
        assertThat(result.at("/observations/1/methods/0").asText()).isEqualTo("EXAMINE");
        assertThat(result.at("/findings/0/related-observations")).hasSize(3);
        assertThat(result.has("end")).isFalse();
    }

    @Test
    void testCasesBeforeAnyAnswerGiveObservationsAndNoEmptyFindings() {
        AssessmentScope scope = AssessmentScope.resolve(LIBRARY, Target.parse("jc-star:star-3"), NOTHING_DECLARED);
        List<LabTestCase> tests = List.of(
                new LabTestCase(star1("S1.1-04"), "TC-04-F1", true, "pass", "500 wrong logins", "locked out"));
        AssessmentSnapshot snapshot = new AssessmentSnapshot("lab2", "Camera", "Vendor", "3.1", scope,
                AssessmentState.IN_EVALUATION, Map.of(), Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-03T10:00:00Z"), tests);
        ObjectNode doc = OscalAssessmentResultsExporter.export(snapshot, "/api/v1/assessments/lab2");
        // OSCAL forbids empty arrays: the findings are left out until a requirement is answered.
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
        assertThat(doc.at("/assessment-results/results/0").has("findings")).isFalse();
    }
}
