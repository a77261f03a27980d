package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentState;

import java.time.OffsetDateTime;

/** One step of an assessment's history: who did what, from which state to which, and why. */
public record TransitionView(int seq, Action action, AssessmentState from, AssessmentState to, String actor,
                             String comment, OffsetDateTime at) {
}
