package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.Verdict;

import java.util.List;

/**
 * The answer to one requirement: verdict, justification and evidence (SHA-256 of stored files).
 * {@code provenance} is set only when the answer was prefilled from another assessment; an answer a
 * person gave has none, and prefill never replaces it.
 */
public record Answer(RequirementRef requirement, Verdict verdict, String justification, List<String> evidence,
                     Provenance provenance) {
    public Answer {
        if (requirement == null) {
            throw new IllegalArgumentException("requirement: required");
        }
        if (verdict == null) {
            throw new IllegalArgumentException("verdict: required");
        }
        justification = justification == null || justification.isBlank() ? null : justification.strip();
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean prefilled() {
        return provenance != null;
    }

    /** Whether a person has said something here that prefill must keep. */
    public boolean givenByPerson() {
        return provenance == null && (verdict != Verdict.NOT_ASSESSED || justification != null || !evidence.isEmpty());
    }
}
