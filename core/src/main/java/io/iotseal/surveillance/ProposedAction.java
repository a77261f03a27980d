package io.iotseal.surveillance;

/** What a proposal asks the operator to decide, through the label status actions that already exist. */
public enum ProposedAction {
    SUSPEND, REVOKE
}
