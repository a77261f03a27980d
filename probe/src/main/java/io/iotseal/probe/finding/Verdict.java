package io.iotseal.probe.finding;

/** Outcome of one check against one device. */
public enum Verdict {
    /** The device behaved as the mapped requirements ask. */
    PASS,
    /** The device showed behaviour that violates the mapped requirements. */
    FAIL,
    /** The probe could not decide (errors, timeouts, behaviour it cannot classify). */
    INCONCLUSIVE,
    /** The check did not apply: the device offers no service it could test. */
    NOT_APPLICABLE;

    /** The label used in reports: PASS, FAIL, INCONCLUSIVE, N/A. */
    public String label() {
        return this == NOT_APPLICABLE ? "N/A" : name();
    }
}
