package io.iotseal.catalog;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import java.util.List;

/** A clause or capability that groups requirements; {@code parent} nests groups. */
public record RequirementGroup(String id, LocalizedText title, String parent, Confidence confidence,
                               List<String> sources, String note) {
    public RequirementGroup {
        identifier(id, "id");
        required(title, "title");
        sources = listOrEmpty(sources);
    }
}
