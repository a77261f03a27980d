package io.iotseal.assessment;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The only transitions an assessment may take (ADR 0040). Self-declaration: draft -> submitted ->
 * (changes-requested -> submitted)* -> accepted | rejected. Third party: draft -> lab-assigned ->
 * in-evaluation -> lab-submitted -> accepted | rejected, and a request for changes sends the lab back
 * to in-evaluation. Lab-reviewed self-declaration (CLS levels 1–2 since 2025-04-01): draft -> submitted
 * -> (assign-lab) lab-review -> lab-submitted -> accepted | rejected; the reviewing lab or the operator
 * may send it back to the vendor (changes-requested), and a resubmission goes to a lab again. Anything
 * else is refused, so a record can never skip the lab's review or the operator's decision.
 */
public final class StateMachine {

    private static final Map<Route, Map<AssessmentState, Map<Action, AssessmentState>>> TABLE = new EnumMap<>(Route.class);

    static {
        Map<AssessmentState, Map<Action, AssessmentState>> self = new EnumMap<>(AssessmentState.class);
        put(self, AssessmentState.DRAFT, Action.SUBMIT, AssessmentState.SUBMITTED);
        put(self, AssessmentState.CHANGES_REQUESTED, Action.SUBMIT, AssessmentState.SUBMITTED);
        put(self, AssessmentState.SUBMITTED, Action.REQUEST_CHANGES, AssessmentState.CHANGES_REQUESTED);
        put(self, AssessmentState.SUBMITTED, Action.ACCEPT, AssessmentState.ACCEPTED);
        put(self, AssessmentState.SUBMITTED, Action.REJECT, AssessmentState.REJECTED);
        TABLE.put(Route.SELF_DECLARATION, self);

        Map<AssessmentState, Map<Action, AssessmentState>> lab = new EnumMap<>(AssessmentState.class);
        put(lab, AssessmentState.DRAFT, Action.ASSIGN_LAB, AssessmentState.LAB_ASSIGNED);
        put(lab, AssessmentState.LAB_ASSIGNED, Action.START_EVALUATION, AssessmentState.IN_EVALUATION);
        put(lab, AssessmentState.IN_EVALUATION, Action.LAB_SUBMIT, AssessmentState.LAB_SUBMITTED);
        put(lab, AssessmentState.LAB_SUBMITTED, Action.REQUEST_CHANGES, AssessmentState.IN_EVALUATION);
        put(lab, AssessmentState.LAB_SUBMITTED, Action.ACCEPT, AssessmentState.ACCEPTED);
        put(lab, AssessmentState.LAB_SUBMITTED, Action.REJECT, AssessmentState.REJECTED);
        TABLE.put(Route.THIRD_PARTY, lab);

        // The operator never decides on a declaration that no lab has reviewed: from submitted the only
        // step is assigning the reviewing lab.
        Map<AssessmentState, Map<Action, AssessmentState>> reviewed = new EnumMap<>(AssessmentState.class);
        put(reviewed, AssessmentState.DRAFT, Action.SUBMIT, AssessmentState.SUBMITTED);
        put(reviewed, AssessmentState.CHANGES_REQUESTED, Action.SUBMIT, AssessmentState.SUBMITTED);
        put(reviewed, AssessmentState.SUBMITTED, Action.ASSIGN_LAB, AssessmentState.LAB_REVIEW);
        put(reviewed, AssessmentState.LAB_REVIEW, Action.LAB_SUBMIT, AssessmentState.LAB_SUBMITTED);
        put(reviewed, AssessmentState.LAB_REVIEW, Action.LAB_REQUEST_CHANGES, AssessmentState.CHANGES_REQUESTED);
        put(reviewed, AssessmentState.LAB_SUBMITTED, Action.REQUEST_CHANGES, AssessmentState.CHANGES_REQUESTED);
        put(reviewed, AssessmentState.LAB_SUBMITTED, Action.ACCEPT, AssessmentState.ACCEPTED);
        put(reviewed, AssessmentState.LAB_SUBMITTED, Action.REJECT, AssessmentState.REJECTED);
        TABLE.put(Route.SELF_DECLARATION_LAB_REVIEWED, reviewed);
    }

    private StateMachine() {
    }

    private static void put(Map<AssessmentState, Map<Action, AssessmentState>> table, AssessmentState from,
                            Action action, AssessmentState to) {
        table.computeIfAbsent(from, k -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The state after {@code action}, or an exception naming the actions that are allowed. */
    public static AssessmentState next(Route route, AssessmentState state, Action action) {
        AssessmentState to = TABLE.get(route).getOrDefault(state, Map.of()).get(action);
        if (to == null) {
            throw new TransitionNotAllowedException(route, state, action, allowed(route, state));
        }
        return to;
    }

    public static Set<Action> allowed(Route route, AssessmentState state) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        actions.addAll(TABLE.get(route).getOrDefault(state, Map.of()).keySet());
        return actions;
    }

    /** Whether the vendor may change answers and evidence now (before submission, or when asked to). */
    public static boolean vendorMayEdit(AssessmentState state) {
        return state == AssessmentState.DRAFT || state == AssessmentState.CHANGES_REQUESTED;
    }

    /** Whether the lab may attach its report (and record test cases) now: while it evaluates or reviews. */
    public static boolean labMayEdit(AssessmentState state) {
        return state == AssessmentState.IN_EVALUATION || state == AssessmentState.LAB_REVIEW;
    }

    /**
     * Whether the lab may give verdicts now: only while it evaluates. A reviewing lab does not rewrite
     * the vendor's declaration; it asks for changes.
     */
    public static boolean labMayAnswer(AssessmentState state) {
        return state == AssessmentState.IN_EVALUATION;
    }
}
