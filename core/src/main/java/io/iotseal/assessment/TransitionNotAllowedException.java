package io.iotseal.assessment;

import java.util.Set;

/** An action the state machine does not allow in the current state; names what would be allowed. */
public final class TransitionNotAllowedException extends RuntimeException {
    private final Set<Action> allowed;

    public TransitionNotAllowedException(Route route, AssessmentState state, Action action, Set<Action> allowed) {
        super("action " + action.code() + " is not allowed in state " + state.code() + " of a " + route.code()
                + " assessment; allowed: " + (allowed.isEmpty() ? "none (the assessment is closed)"
                : String.join(", ", allowed.stream().map(Action::code).sorted().toList())));
        this.allowed = Set.copyOf(allowed);
    }

    public Set<Action> allowed() {
        return allowed;
    }
}
