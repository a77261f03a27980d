package io.iotseal.disclosure;

/** Where a deadline stands at a given instant. */
public enum DeadlineState {
    /** The clock's regime did not apply when its trigger happened (CRA Article 14 before 2026-09-11). */
    NOT_APPLICABLE,
    /** The moment that starts the clock (or makes it relevant) is not recorded: no due date yet. */
    NOT_STARTED,
    /** Running, with more than the due-soon share of its length left. */
    PENDING,
    /** Running, within the last share of its length ({@code dueSoon.fraction} in the data). */
    DUE_SOON,
    /** Past due and not met. */
    OVERDUE,
    /** Met on or before the due instant. */
    MET,
    /** Met, but after the due instant. */
    MET_LATE;

    /** Whether the operator's queue should show it: due soon or overdue. */
    public boolean needsAttention() {
        return this == DUE_SOON || this == OVERDUE;
    }
}
