package io.iotseal.server.advisory;

import io.iotseal.advisory.Severity;

import java.util.List;

/** The severity the registry shows for an advisory: the best CVSS score among those the feed states. */
@FunctionalInterface
public interface AdvisorySeverity {

    /** The chosen score, or null when the advisory states none that can be scored. */
    Score best(List<Severity> severities);

    record Score(String cvssVersion, double baseScore, String rating, String vector) {
    }
}
