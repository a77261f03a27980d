package io.iotseal.assessment;

import io.iotseal.catalog.Coded;

/** Where an assessment stands (ADR 0040). ACCEPTED and REJECTED are final. */
public enum AssessmentState implements Coded {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    LAB_ASSIGNED,
    IN_EVALUATION,
    LAB_SUBMITTED,
    ACCEPTED,
    REJECTED;

    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED;
    }
}
