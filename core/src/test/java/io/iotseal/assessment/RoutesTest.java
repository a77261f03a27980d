package io.iotseal.assessment;

import io.iotseal.applicability.ProductProfile;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.Verdict;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Recognition;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12's route variants and issue 10's refusal of levels without criteria, on the built-in data. */
class RoutesTest {

    private static final StandardsLibrary LIBRARY = StandardsLoader.loadBuiltIn();
    private static final ProductProfile NOTHING = new ProductProfile("p", Map.of(), Map.of());
    private static final LocalDate LAB_REVIEW_STARTS = LocalDate.of(2025, 4, 1);

    private static AssessmentScope scope(String target, LocalDate on) {
        return AssessmentScope.resolve(LIBRARY, Target.parse(target), NOTHING, on);
    }

    private static Recognition psti() {
        return LIBRARY.recognitions().stream().filter(r -> r.id().equals("jc-star-star-1-waives-for-uk-psti"))
                .findFirst().orElseThrow();
    }

    @Test
    void clsLevelsOneAndTwoAreLabReviewedFromTheDataDateOn() {
        assertThat(scope("sg-cls:level-2", LAB_REVIEW_STARTS.minusDays(1)).route()).isEqualTo(Route.SELF_DECLARATION);
        assertThat(scope("sg-cls:level-2", LAB_REVIEW_STARTS).route()).isEqualTo(Route.SELF_DECLARATION_LAB_REVIEWED);
        assertThat(scope("sg-cls:level-1", LAB_REVIEW_STARTS).route()).isEqualTo(Route.SELF_DECLARATION_LAB_REVIEWED);
        assertThat(scope("sg-cls:level-3", LAB_REVIEW_STARTS).route()).isEqualTo(Route.THIRD_PARTY);
        assertThat(scope("jc-star:star-1", LAB_REVIEW_STARTS).route()).isEqualTo(Route.SELF_DECLARATION);
    }

    @Test
    void aLabReviewedDeclarationCannotReachTheOperatorWithoutTheLab() {
        Route r = Route.SELF_DECLARATION_LAB_REVIEWED;
        AssessmentState s = StateMachine.next(r, AssessmentState.DRAFT, Action.SUBMIT);
        assertThat(StateMachine.allowed(r, s)).containsExactly(Action.ASSIGN_LAB);
        s = StateMachine.next(r, s, Action.ASSIGN_LAB);
        assertThat(s).isEqualTo(AssessmentState.LAB_REVIEW);
        assertThat(StateMachine.labMayEdit(s)).isTrue();
        assertThat(StateMachine.labMayAnswer(s)).isFalse();
        assertThatThrownBy(() -> StateMachine.next(r, AssessmentState.LAB_REVIEW, Action.ACCEPT))
                .isInstanceOf(TransitionNotAllowedException.class);
        s = StateMachine.next(r, s, Action.LAB_REQUEST_CHANGES);
        assertThat(s).isEqualTo(AssessmentState.CHANGES_REQUESTED);
        s = StateMachine.next(r, s, Action.SUBMIT);
        s = StateMachine.next(r, s, Action.ASSIGN_LAB);
        s = StateMachine.next(r, s, Action.LAB_SUBMIT);
        assertThat(StateMachine.allowed(r, s)).containsExactlyInAnyOrder(Action.ACCEPT, Action.REJECT, Action.REQUEST_CHANGES);
        assertThat(StateMachine.next(r, s, Action.ACCEPT)).isEqualTo(AssessmentState.ACCEPTED);
    }

    @Test
    void levelsWhoseCriteriaAreNotInTheDataAreNamedWithTheirNote() {
        List<String> missing = scope("jc-star:star-3", LocalDate.of(2026, 12, 1)).missingCriteria().stream()
                .map(m -> m.level().toString()).toList();
        assertThat(missing).containsExactly("jc-star:star-2", "jc-star:star-3");
        assertThat(LIBRARY.levelsWithoutCriteria(LevelRef.parse("jc-star:star-2")).get(0).part().note().en())
                .contains("product-category");
        assertThat(scope("jc-star:star-1", LocalDate.of(2026, 12, 1)).missingCriteria()).isEmpty();
        // CLS level 1 declares an unknown part next to an inferred set: its criteria are in the data.
        assertThat(scope("sg-cls:level-2", LocalDate.of(2026, 12, 1)).missingCriteria()).isEmpty();
    }

    @Test
    void criteriaKnownOnlyByIdSaySo() {
        AssessmentScope star1 = scope("jc-star:star-1", LocalDate.of(2026, 12, 1));
        assertThat(star1.requirements().stream().filter(r -> !r.textInData()).map(r -> r.requirement().requirement()))
                .containsExactly("S1.1-07", "S1.1-08", "S1.1-09", "S1.1-10", "S1.1-11", "S1.1-12", "S1.1-13",
                        "S1.1-14", "S1.1-15");
    }

    @Test
    void thePstiRecognitionAnswersTheThreeWaivedCriteriaAndSaysSo() {
        AssessmentScope star1 = scope("jc-star:star-1", LocalDate.of(2026, 1, 1));
        RequirementRef byPerson = new RequirementRef("jc-star-star1", "S1.1-05");
        Answer person = new Answer(byPerson, Verdict.PASS, "checked by hand", List.of(), null);
        Prefill.Result result = RecognitionWaiver.apply(psti(), star1, LocalDate.of(2026, 1, 1), "ab".repeat(32),
                Map.of(byPerson, person));
        assertThat(result.answers()).extracting(a -> a.requirement().requirement()).containsExactly("S1.1-02", "S1.1-16");
        assertThat(result.keptPersonAnswers()).containsExactly(byPerson);
        Answer waived = result.answers().get(0);
        assertThat(waived.verdict()).isEqualTo(Verdict.PASS);
        assertThat(waived.provenance().byRecognition()).isTrue();
        assertThat(waived.provenance().supportingDocument()).isEqualTo("ab".repeat(32));
        assertThat(waived.justification()).contains("jc-star-star-1-waives-for-uk-psti", "UK PSTI statement of compliance");
    }

    @Test
    void thePstiRecognitionRefusesAnotherLevelAndDatesBeforeItsStart() {
        assertThatThrownBy(() -> RecognitionWaiver.apply(psti(), scope("jc-star:star-1", LocalDate.of(2025, 12, 31)),
                LocalDate.of(2025, 12, 31), "ab".repeat(32), Map.of()))
                .hasMessageStartingWith("recognition:").hasMessageContaining("2026-01-01");
        assertThatThrownBy(() -> RecognitionWaiver.apply(psti(), scope("sg-cls:level-1", LocalDate.of(2026, 6, 1)),
                LocalDate.of(2026, 6, 1), "ab".repeat(32), Map.of()))
                .hasMessageStartingWith("recognition:").hasMessageContaining("jc-star:star-1");
    }
}
