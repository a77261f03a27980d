package io.iotseal.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How well a fact in the standards data is backed by its sources. */
public enum Confidence {
    /** Confirmed in at least one listed source. */
    @JsonProperty("verified") VERIFIED("verified"),
    /** Two independent sources agree. */
    @JsonProperty("verified-two-sources") VERIFIED_TWO_SOURCES("verified-two-sources"),
    /** Inferred, from memory or from a single weak source: check before relying on it. */
    @JsonProperty("unverified") UNVERIFIED("unverified"),
    /** The item exists but its content was not found in any accessible source. */
    @JsonProperty("not-retrieved") NOT_RETRIEVED("not-retrieved");

    private final String code;

    Confidence(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isVerified() {
        return this == VERIFIED || this == VERIFIED_TWO_SOURCES;
    }
}
