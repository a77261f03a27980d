package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentState;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One step of an assessment's history: who did what, from which state to which, and why; with the
 * reviewer's comments per requirement ({@code catalog#id} to text, ADR 0086), empty when none were given.
 */
public record TransitionView(int seq, Action action, AssessmentState from, AssessmentState to, String actor,
                             String comment, OffsetDateTime at, Map<String, String> requirementComments) {

    public TransitionView {
        requirementComments = requirementComments == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(requirementComments));
    }
}
