package io.iotseal.vex;

/**
 * A vendor's answer to "is this product version affected by this vulnerability through this component?",
 * in the four words the US minimum VEX requirements, OpenVEX and CSAF share (CycloneDX's analysis states map
 * onto them, ADR 0094).
 */
public enum VexStatus {
    /** Not affected; a justification or impact statement says why. */
    NOT_AFFECTED,
    /** Affected; an action statement says what the user should do. */
    AFFECTED,
    /** Fixed in the version the statement names. */
    FIXED,
    /** Not known yet; the vendor is investigating. */
    UNDER_INVESTIGATION
}
