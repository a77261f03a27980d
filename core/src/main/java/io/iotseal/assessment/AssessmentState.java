package io.iotseal.assessment;

import io.iotseal.catalog.Coded;

/** Where an assessment stands (ADR 0040). ACCEPTED and REJECTED are final. */
public enum AssessmentState implements Coded {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    LAB_ASSIGNED,
    /** A lab reviews the vendor's submitted self-declaration before the operator decides (CLS L1/L2). */
    LAB_REVIEW,
    IN_EVALUATION,
    LAB_SUBMITTED,
    ACCEPTED,
    REJECTED;

    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED;
    }
}
