package io.iotseal.probe.mapping;

import java.util.Objects;

/** A requirement in a catalog, e.g. {@code etsi-en-303-645} / {@code 5.1-1}. */
public record RequirementRef(String catalogId, String requirementId) {
    public RequirementRef {
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(requirementId, "requirementId");
    }

    @Override
    public String toString() {
        return catalogId + " " + requirementId;
    }
}
