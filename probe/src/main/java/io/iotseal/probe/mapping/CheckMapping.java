package io.iotseal.probe.mapping;

import io.iotseal.catalog.RequirementRef;

import java.util.List;

/** A check's title and the requirements it is evidence for. */
public record CheckMapping(String checkId, String title, List<MappedRequirement> requirements,
                           List<io.iotseal.probe.finding.TestCaseRef> testCases) {
    public CheckMapping {
        requirements = List.copyOf(requirements);
        testCases = List.copyOf(testCases == null ? List.of() : testCases);
    }

    public CheckMapping(String checkId, String title, List<MappedRequirement> requirements) {
        this(checkId, title, requirements, List.of());
    }

    /** Just the requirement references, in file order. */
    public List<RequirementRef> refs() {
        return requirements.stream().map(MappedRequirement::ref).toList();
    }
}
