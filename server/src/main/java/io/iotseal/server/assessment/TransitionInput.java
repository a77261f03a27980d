package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A step of the state machine; {@code labId} only with assign-lab, a comment required to ask for changes or reject. */
public record TransitionInput(@NotNull Action action, @Size(max = 4000) String comment, UUID labId) {
}
