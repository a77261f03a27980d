package io.iotseal.crosswalk;

import io.iotseal.catalog.Coded;

/**
 * How a source requirement relates to a target requirement, in the OSCAL 1.2 control-mapping
 * vocabulary; always read "source RELATIONSHIP target".
 */
public enum Relationship implements Coded {
    /** The same requirement, worded the same (differences of spelling or grammar only). */
    EQUAL_TO,
    /** Different words, the same effective meaning. */
    EQUIVALENT_TO,
    /** The target requires everything the source requires, and more. */
    SUBSET_OF,
    /** The source requires everything the target requires, and more. */
    SUPERSET_OF,
    /** They overlap; neither contains the other. */
    INTERSECTS_WITH,
    /** Examined and found unrelated. */
    NO_RELATIONSHIP;

    /** The relationship read the other way round: "A subset-of B" is "B superset-of A". */
    public Relationship inverse() {
        return switch (this) {
            case SUBSET_OF -> SUPERSET_OF;
            case SUPERSET_OF -> SUBSET_OF;
            default -> this;
        };
    }

    /** Whether meeting the source means meeting all of the target. */
    public boolean sourceCoversTarget() {
        return this == EQUAL_TO || this == EQUIVALENT_TO || this == SUPERSET_OF;
    }

    /** Whether the target contains all of the source, so failing the source means failing the target. */
    public boolean targetContainsSource() {
        return this == EQUAL_TO || this == EQUIVALENT_TO || this == SUBSET_OF;
    }
}
