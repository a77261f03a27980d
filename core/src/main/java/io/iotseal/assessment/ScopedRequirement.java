package io.iotseal.assessment;

import io.iotseal.applicability.Applicability;
import io.iotseal.catalog.RequirementRef;

import java.util.List;

/** One requirement an assessment covers, with whether it applies to the product and why. */
public record ScopedRequirement(RequirementRef requirement, String title, Applicability applicability,
                                List<String> reasons) {
    public ScopedRequirement {
        reasons = List.copyOf(reasons);
    }

    /** Requirements that do not apply need no answer; applying and undetermined ones do. */
    public boolean needsAnswer() {
        return applicability != Applicability.NOT_APPLICABLE;
    }
}
