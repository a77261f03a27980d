package io.iotseal.crosswalk;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import java.util.List;

/** One typed relationship between a source requirement and a target requirement. */
public record Mapping(
        String source,
        String target,
        Relationship relationship,
        Rationale rationale,
        Basis basis,
        Confidence confidence,
        List<String> sources,
        String note) {

    public Mapping {
        required(source, "source");
        required(target, "target");
        required(relationship, "relationship");
        required(rationale, "rationale");
        required(basis, "basis");
        required(confidence, "confidence");
        sources = listOrEmpty(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("missing required field 'sources' (where does this mapping come from?)");
        }
        required(note, "note");
    }
}
