package io.iotseal.scheme;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which requirements of a catalog a requirement set takes. */
public enum Selection {
    /** Every requirement (of the named groups, if any). */
    @JsonProperty("all") ALL,
    /** Only requirements whose status is M (conditional ones included; applicability decides later). */
    @JsonProperty("mandatory") MANDATORY
}
