package io.iotseal.coverage;

import static io.iotseal.catalog.Checks.required;

/** One requirement's verdict in an assessment, with the reason for it. */
public record RequirementResult(String requirement, Verdict verdict, String justification) {
    public RequirementResult {
        required(requirement, "requirement");
        required(verdict, "verdict");
        if (verdict == Verdict.NOT_APPLICABLE && (justification == null || justification.isBlank())) {
            throw new IllegalArgumentException("requirement '" + requirement
                    + "': a not-applicable verdict needs a justification");
        }
    }
}
