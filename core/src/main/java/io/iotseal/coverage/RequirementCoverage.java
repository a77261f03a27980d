package io.iotseal.coverage;

import io.iotseal.catalog.RequirementRef;
import java.util.List;
import java.util.Optional;

/**
 * The coverage of one target requirement: its status, the inference that decided it, and any other
 * inference that disagreed (which points at a crosswalk worth reviewing).
 */
public record RequirementCoverage(RequirementRef target, CoverageStatus status, Optional<Inference> decidedBy,
                                  List<Inference> conflicting) {
    public RequirementCoverage {
        conflicting = List.copyOf(conflicting);
    }

    static RequirementCoverage unknown(RequirementRef target) {
        return new RequirementCoverage(target, CoverageStatus.UNKNOWN, Optional.empty(), List.of());
    }
}
