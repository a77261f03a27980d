package io.iotseal.probe.mapping;

import io.iotseal.catalog.RequirementRef;

/** A requirement a check is evidence for, with the reason the mapping holds. */
public record MappedRequirement(RequirementRef ref, String rationale) {
}
