package io.iotseal.server.notice;

/**
 * Where a notice stands (ADR 0100): SUBMITTED (waiting for the operator) → ACKNOWLEDGED (its public consequences
 * applied), or → CLARIFICATION_REQUESTED (the operator asked a question) → SUBMITTED again when the vendor answers.
 */
public enum NoticeState {
    SUBMITTED, CLARIFICATION_REQUESTED, ACKNOWLEDGED
}
