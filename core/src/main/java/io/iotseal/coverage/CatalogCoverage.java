package io.iotseal.coverage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The coverage of every requirement of one target catalog. */
public record CatalogCoverage(String catalog, List<RequirementCoverage> requirements) {
    public CatalogCoverage {
        requirements = List.copyOf(requirements);
    }

    public Map<CoverageStatus, Integer> counts() {
        return Counting.count(requirements);
    }
}

/** Counts requirement coverages by status, in status order. */
final class Counting {
    private Counting() {
    }

    static Map<CoverageStatus, Integer> count(List<RequirementCoverage> requirements) {
        Map<CoverageStatus, Integer> counts = new EnumMap<>(CoverageStatus.class);
        for (CoverageStatus s : CoverageStatus.values()) {
            counts.put(s, 0);
        }
        requirements.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }
}
