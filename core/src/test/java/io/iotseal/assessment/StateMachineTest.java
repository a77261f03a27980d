package io.iotseal.assessment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateMachineTest {

    @Test
    void selfDeclarationGoesThroughChangesToAcceptance() {
        AssessmentState s = AssessmentState.DRAFT;
        s = StateMachine.next(Route.SELF_DECLARATION, s, Action.SUBMIT);
        assertThat(s).isEqualTo(AssessmentState.SUBMITTED);
        s = StateMachine.next(Route.SELF_DECLARATION, s, Action.REQUEST_CHANGES);
        assertThat(s).isEqualTo(AssessmentState.CHANGES_REQUESTED);
        assertThat(StateMachine.vendorMayEdit(s)).isTrue();
        s = StateMachine.next(Route.SELF_DECLARATION, s, Action.SUBMIT);
        s = StateMachine.next(Route.SELF_DECLARATION, s, Action.ACCEPT);
        assertThat(s).isEqualTo(AssessmentState.ACCEPTED);
        assertThat(s.isFinal()).isTrue();
        assertThat(StateMachine.allowed(Route.SELF_DECLARATION, s)).isEmpty();
    }

    @Test
    void thirdPartyGoesThroughTheLab() {
        AssessmentState s = AssessmentState.DRAFT;
        for (Action a : new Action[]{Action.ASSIGN_LAB, Action.START_EVALUATION, Action.LAB_SUBMIT, Action.REQUEST_CHANGES,
                Action.LAB_SUBMIT, Action.REJECT}) {
            s = StateMachine.next(Route.THIRD_PARTY, s, a);
        }
        assertThat(s).isEqualTo(AssessmentState.REJECTED);
    }

    @Test
    void disallowedTransitionsNameWhatIsAllowed() {
        assertThatThrownBy(() -> StateMachine.next(Route.SELF_DECLARATION, AssessmentState.DRAFT, Action.ACCEPT))
                .isInstanceOf(TransitionNotAllowedException.class)
                .hasMessageContaining("accept").hasMessageContaining("draft").hasMessageContaining("allowed: submit");
        // A vendor cannot skip the lab on the third-party route, nor can a lab act on a self-declaration.
        assertThatThrownBy(() -> StateMachine.next(Route.THIRD_PARTY, AssessmentState.DRAFT, Action.SUBMIT))
                .isInstanceOf(TransitionNotAllowedException.class);
        assertThatThrownBy(() -> StateMachine.next(Route.SELF_DECLARATION, AssessmentState.SUBMITTED, Action.LAB_SUBMIT))
                .isInstanceOf(TransitionNotAllowedException.class);
        assertThatThrownBy(() -> StateMachine.next(Route.SELF_DECLARATION, AssessmentState.ACCEPTED, Action.REJECT))
                .hasMessageContaining("closed");
    }
}
