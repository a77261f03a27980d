package io.iotseal.probe.mapping;

/** A requirement a check is evidence for, with the reason the mapping holds. */
public record MappedRequirement(RequirementRef ref, String rationale) {
}
