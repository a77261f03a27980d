package io.iotseal.disclosure;

import java.util.List;

/**
 * A scheme's reporting rules: whether the operator is copied on reports, and its clocks (acknowledgement of a
 * report, the default embargo). {@code schemeId} is a scheme of the standards library, or {@code default} for
 * cases whose scheme has no entry.
 */
public record SchemeReporting(String schemeId, OperatorCopy operatorCopy, List<ClockRule> clocks) {
    public static final String DEFAULT = "default";

    public SchemeReporting {
        clocks = List.copyOf(clocks);
    }
}
