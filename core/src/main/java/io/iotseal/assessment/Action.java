package io.iotseal.assessment;

import io.iotseal.catalog.Coded;

/** What a party does to move an assessment on; {@link StateMachine} says when each is allowed. */
public enum Action implements Coded {
    SUBMIT(Party.VENDOR),
    ASSIGN_LAB(Party.OPERATOR),
    START_EVALUATION(Party.LAB),
    LAB_SUBMIT(Party.LAB),
    /** A reviewing lab sends the declaration back to the vendor (lab-reviewed self-declaration). */
    LAB_REQUEST_CHANGES(Party.LAB),
    REQUEST_CHANGES(Party.OPERATOR),
    ACCEPT(Party.OPERATOR),
    REJECT(Party.OPERATOR);

    private final Party party;

    Action(Party party) {
        this.party = party;
    }

    public Party party() {
        return party;
    }
}
