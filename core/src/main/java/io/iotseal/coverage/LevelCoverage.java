package io.iotseal.coverage;

import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.UnknownPart;
import java.util.List;
import java.util.Map;

/**
 * The coverage of a scheme level: each requirement it takes, its parts whose content is unknown,
 * and an overall status. A level is met only when every requirement is met (or not applicable) and
 * nothing of it is unknown; one requirement not met makes it not met. {@code recognitions} lists the
 * recognition rules that lead here from other levels; they do not change {@code status}, which is
 * about the requirements alone.
 */
public record LevelCoverage(LevelRef level, CoverageStatus status, List<RequirementCoverage> requirements,
                            List<UnknownPart> unknownParts, List<RecognitionRoute> recognitions) {
    public LevelCoverage {
        requirements = List.copyOf(requirements);
        unknownParts = List.copyOf(unknownParts);
        recognitions = List.copyOf(recognitions);
    }

    static CoverageStatus overall(List<RequirementCoverage> requirements, List<UnknownPart> unknownParts) {
        Map<CoverageStatus, Integer> counts = Counting.count(requirements);
        if (counts.get(CoverageStatus.NOT_MET) > 0) {
            return CoverageStatus.NOT_MET;
        }
        int settled = counts.get(CoverageStatus.MET) + counts.get(CoverageStatus.NOT_APPLICABLE);
        if (!requirements.isEmpty() && settled == requirements.size() && unknownParts.isEmpty()) {
            return CoverageStatus.MET;
        }
        if (counts.get(CoverageStatus.MET) + counts.get(CoverageStatus.PARTIALLY_MET) > 0) {
            return CoverageStatus.PARTIALLY_MET;
        }
        return CoverageStatus.UNKNOWN;
    }

    public Map<CoverageStatus, Integer> counts() {
        return Counting.count(requirements);
    }
}
