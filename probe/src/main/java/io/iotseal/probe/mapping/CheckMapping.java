package io.iotseal.probe.mapping;

import io.iotseal.catalog.RequirementRef;

import java.util.List;

/** A check's title and the requirements it is evidence for. */
public record CheckMapping(String checkId, String title, List<MappedRequirement> requirements) {
    public CheckMapping {
        requirements = List.copyOf(requirements);
    }

    /** Just the requirement references, in file order. */
    public List<RequirementRef> refs() {
        return requirements.stream().map(MappedRequirement::ref).toList();
    }
}
