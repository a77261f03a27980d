package io.iotseal.crosswalk;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a source requirement relates to a target requirement, in the OSCAL 1.2 control-mapping
 * vocabulary; always read "source RELATIONSHIP target".
 */
public enum Relationship {
    /** The same requirement, worded the same (differences of spelling or grammar only). */
    @JsonProperty("equal-to") EQUAL_TO("equal-to"),
    /** Different words, the same effective meaning. */
    @JsonProperty("equivalent-to") EQUIVALENT_TO("equivalent-to"),
    /** The target requires everything the source requires, and more. */
    @JsonProperty("subset-of") SUBSET_OF("subset-of"),
    /** The source requires everything the target requires, and more. */
    @JsonProperty("superset-of") SUPERSET_OF("superset-of"),
    /** They overlap; neither contains the other. */
    @JsonProperty("intersects-with") INTERSECTS_WITH("intersects-with"),
    /** Examined and found unrelated. */
    @JsonProperty("no-relationship") NO_RELATIONSHIP("no-relationship");

    private final String code;

    Relationship(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

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
