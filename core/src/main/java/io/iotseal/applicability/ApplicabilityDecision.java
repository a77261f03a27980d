package io.iotseal.applicability;

import io.iotseal.catalog.Requirement;
import java.util.List;

/** The applicability of one requirement and the reasons behind it. */
public record ApplicabilityDecision(Requirement requirement, Applicability applicability, List<String> reasons) {
    public ApplicabilityDecision {
        reasons = List.copyOf(reasons);
    }
}
