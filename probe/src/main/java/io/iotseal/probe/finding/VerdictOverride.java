package io.iotseal.probe.finding;

import java.util.Objects;

/**
 * An assessor's decision to replace the probe's verdict, kept next to the original so that a report
 * always shows both (ADR 0077). Not named Override, which would shadow java.lang.Override in this package.
 *
 * @param original      the verdict the probe gave
 * @param justification why the assessor decided otherwise
 * @param assessor      who decided
 */
public record VerdictOverride(Verdict original, String justification, String assessor) {
    public VerdictOverride {
        Objects.requireNonNull(original, "original");
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("override: a justification is required");
        }
        assessor = assessor == null ? "" : assessor;
    }
}
