package io.iotseal.advisory;

/** What a match between a component and an advisory rests on, best first. */
public enum MatchBasis {
    /** The component's package URL names the advisory's package and its version lies in an affected range. */
    PURL,
    /** Only the component's CPE matched the advisory's CPE statement: lower confidence (firmware CPEs are coarse). */
    CPE
}
