package io.iotseal.library;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Crosswalk;
import io.iotseal.crosswalk.Mapping;
import io.iotseal.crosswalk.Relationship;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crosswalk mappings as directed edges between requirements. Every mapping gives two edges: the
 * one the file states and its inverse ("A subset-of B" also yields "B superset-of A"), so coverage
 * can be inferred in either direction. "no-relationship" mappings record that a pair was examined
 * and give no edges.
 */
public final class MappingGraph {
    private final Map<RequirementRef, List<Edge>> outgoing = new HashMap<>();

    MappingGraph(Collection<Crosswalk> crosswalks) {
        for (Crosswalk x : crosswalks) {
            for (Mapping m : x.mappings()) {
                if (m.relationship() == Relationship.NO_RELATIONSHIP) {
                    continue;
                }
                RequirementRef from = new RequirementRef(x.source(), m.source());
                RequirementRef to = new RequirementRef(x.target(), m.target());
                add(new Edge(from, to, m.relationship(), x, m, false));
                add(new Edge(to, from, m.relationship().inverse(), x, m, true));
            }
        }
    }

    private void add(Edge edge) {
        outgoing.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
    }

    public List<Edge> edgesFrom(RequirementRef requirement) {
        return outgoing.getOrDefault(requirement, List.of());
    }

    /**
     * One step from a requirement to another. {@code relationship} is read "from RELATIONSHIP to";
     * {@code reversed} says the crosswalk file states the mapping the other way round.
     */
    public record Edge(RequirementRef from, RequirementRef to, Relationship relationship, Crosswalk crosswalk,
                       Mapping mapping, boolean reversed) {
    }
}
