package io.iotseal.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The transitions of ADR 0099, stated as the ADR lists them rather than read back from the code. */
class CaseStateTest {

    @Test
    void theUsualPathIsAllowedStepByStep() {
        List<CaseState> path = List.of(CaseState.RECEIVED, CaseState.ACKNOWLEDGED, CaseState.TRIAGED,
                CaseState.FIX_IN_PROGRESS, CaseState.FIXED, CaseState.DISCLOSED, CaseState.CLOSED);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(path.get(i).mayMoveTo(path.get(i + 1))).as(path.get(i) + " -> " + path.get(i + 1)).isTrue();
        }
    }

    @Test
    void theAllowedTransitionsAreExactlyTheAdrs() {
        assertThat(CaseState.RECEIVED.next()).containsExactlyInAnyOrder(CaseState.ACKNOWLEDGED, CaseState.REJECTED);
        assertThat(CaseState.ACKNOWLEDGED.next()).containsExactlyInAnyOrder(CaseState.TRIAGED, CaseState.REJECTED);
        assertThat(CaseState.TRIAGED.next()).containsExactlyInAnyOrder(CaseState.FIX_IN_PROGRESS, CaseState.FIXED,
                CaseState.REJECTED);
        assertThat(CaseState.FIX_IN_PROGRESS.next()).containsExactlyInAnyOrder(CaseState.FIXED, CaseState.REJECTED);
        assertThat(CaseState.FIXED.next()).containsExactlyInAnyOrder(CaseState.DISCLOSED, CaseState.CLOSED);
        assertThat(CaseState.DISCLOSED.next()).containsExactly(CaseState.CLOSED);
        assertThat(CaseState.CLOSED.terminal()).isTrue();
        assertThat(CaseState.REJECTED.terminal()).isTrue();
    }

    @Test
    void noStateGoesBackAndNoneStaysPut() {
        // A positive control first: a forward move is allowed.
        assertThat(CaseState.TRIAGED.mayMoveTo(CaseState.FIXED)).isTrue();
        for (CaseState from : CaseState.values()) {
            assertThat(from.mayMoveTo(from)).as(from + " to itself").isFalse();
            for (CaseState to : from.next()) {
                if (to != CaseState.REJECTED && to != CaseState.CLOSED) {
                    assertThat(to.ordinal()).as(from + " -> " + to).isGreaterThan(from.ordinal());
                }
            }
        }
        assertThat(CaseState.FIXED.mayMoveTo(CaseState.FIX_IN_PROGRESS)).isFalse();
        assertThat(CaseState.DISCLOSED.mayMoveTo(CaseState.REJECTED)).as("a public vulnerability is not un-made").isFalse();
        assertThat(CaseState.RECEIVED.mayMoveTo(CaseState.DISCLOSED)).isFalse();
    }

    @Test
    void everyStateIsReachableFromReceivedAndEveryPathEnds() {
        Set<CaseState> seen = EnumSet.of(CaseState.RECEIVED);
        Deque<CaseState> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (CaseState next : todo.pop().next()) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(CaseState.values());
    }

    @Test
    void onlyADisclosedCaseMayBeShown() {
        assertThat(CaseState.DISCLOSED.disclosedBy(true)).isTrue();
        assertThat(CaseState.CLOSED.disclosedBy(true)).isTrue();
        assertThat(CaseState.CLOSED.disclosedBy(false)).isFalse();
        assertThat(CaseState.FIXED.disclosedBy(false)).isFalse();
        assertThat(CaseState.REJECTED.disclosedBy(false)).isFalse();
    }
}
