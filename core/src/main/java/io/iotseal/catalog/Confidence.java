package io.iotseal.catalog;

/** How well a fact in the standards data is backed by its sources. */
public enum Confidence implements Coded {
    /** Confirmed in at least one listed source. */
    VERIFIED,
    /** Two independent sources agree. */
    VERIFIED_TWO_SOURCES,
    /** Inferred, from memory or from a single weak source: check before relying on it. */
    UNVERIFIED,
    /** The item exists but its content was not found in any accessible source. */
    NOT_RETRIEVED;

    public boolean isVerified() {
        return this == VERIFIED || this == VERIFIED_TWO_SOURCES;
    }
}
