package io.iotseal.coverage;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Basis;
import java.util.List;

/**
 * How a status was reached: the assessed requirement it starts from, its verdict, and the chain of
 * mappings to the target (empty for a direct result).
 */
public record Inference(RequirementRef origin, Verdict originVerdict, List<Step> chain, CoverageStatus status) {
    public Inference {
        chain = List.copyOf(chain);
    }

    /** The weakest confidence along the chain (verified when the chain is empty). */
    public Confidence weakestConfidence() {
        Confidence weakest = Confidence.VERIFIED;
        for (Step step : chain) {
            if (step.confidence().ordinal() > weakest.ordinal()) {
                weakest = step.confidence();
            }
        }
        return weakest;
    }

    /** Whether every mapping in the chain comes from a published document. */
    public boolean onlyPublishedMappings() {
        return chain.stream().allMatch(s -> s.basis() == Basis.PUBLISHED);
    }

    /** A one-line account: "jc-star-star1#S1.1-02 pass -> subset-of -> etsi-en-303-645#5.1-1". */
    public String describe() {
        StringBuilder text = new StringBuilder(origin.toString()).append(' ').append(originVerdict.code());
        for (Step step : chain) {
            text.append(" -> ").append(step.relationship().code()).append(" -> ").append(step.to());
        }
        return text.toString();
    }
}
