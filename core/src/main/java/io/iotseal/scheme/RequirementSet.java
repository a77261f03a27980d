package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The requirements a scheme level takes from one catalog: all of it, its mandatory ones, some of its
 * groups, or an explicit list of ids.
 */
public record RequirementSet(
        String catalog,
        Selection select,
        List<String> groups,
        List<String> ids,
        Confidence confidence,
        List<String> sources,
        LocalizedText note) {

    public RequirementSet {
        identifier(catalog, "catalog");
        groups = listOrEmpty(groups);
        ids = listOrEmpty(ids);
        sources = listOrEmpty(sources);
        required(confidence, "confidence");
        if (!ids.isEmpty() && (select != null || !groups.isEmpty())) {
            throw new IllegalArgumentException("give either 'ids' or 'select'/'groups', not both");
        }
        if (ids.isEmpty() && select == null) {
            select = Selection.ALL;
        }
    }

    /** The concrete requirements this set selects from {@code source}, in catalog order. */
    public List<Requirement> resolve(Catalog source) {
        if (!ids.isEmpty()) {
            List<Requirement> result = new ArrayList<>();
            for (String id : ids) {
                result.add(source.requirement(id).orElseThrow(() -> new IllegalArgumentException(
                        "ids: requirement '" + id + "' does not exist in catalog '" + catalog + "'")));
            }
            return result;
        }
        List<Requirement> candidates = groups.isEmpty()
                ? source.requirements()
                : groups.stream().flatMap(g -> source.requirementsIn(g).stream()).toList();
        if (select == Selection.MANDATORY) {
            return candidates.stream().filter(r -> r.status() != null && r.status().isMandatory()).toList();
        }
        return candidates;
    }
}
