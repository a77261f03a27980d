package io.iotseal.coverage;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Basis;
import io.iotseal.crosswalk.Relationship;
import io.iotseal.library.MappingGraph;

/** One crosswalk mapping used in an inference chain, read "from RELATIONSHIP to". */
public record Step(RequirementRef from, Relationship relationship, RequirementRef to, String crosswalk,
                   Basis basis, Confidence confidence, boolean reversed) {
    static Step of(MappingGraph.Edge edge) {
        return new Step(edge.from(), edge.relationship(), edge.to(), edge.crosswalk().id(),
                edge.mapping().basis(), edge.mapping().confidence(), edge.reversed());
    }
}
