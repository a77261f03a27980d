package io.iotseal.assessment;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.CoverageStatus;
import io.iotseal.coverage.Inference;
import io.iotseal.coverage.Step;
import io.iotseal.coverage.Verdict;

import java.util.List;

/**
 * Where a prefilled answer came from (ADR 0042): the finished assessment, the requirement assessed
 * there and its verdict, the chain of crosswalk mappings to this requirement, its weakest confidence,
 * and the status inferred. A reviewer can follow it back to the person who gave the original verdict.
 * An answer given by a recognition (ADR 0062) has instead the recognition's id and the SHA-256 of the
 * supporting document the vendor attached; it has no source assessment and no chain.
 */
public record Provenance(String sourceAssessment, RequirementRef origin, Verdict originVerdict, List<Step> chain,
                         Confidence weakestConfidence, CoverageStatus inferred, String description,
                         String recognition, String supportingDocument) {
    public Provenance {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    static Provenance of(String sourceAssessment, Inference inference) {
        return new Provenance(sourceAssessment, inference.origin(), inference.originVerdict(), inference.chain(),
                inference.weakestConfidence(), inference.status(), inference.describe(), null, null);
    }

    /** Whether the answer stands on a recognized conformity rather than on a verdict given here. */
    public boolean byRecognition() {
        return recognition != null;
    }
}
