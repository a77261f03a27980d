package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/**
 * A step of the state machine; {@code labId} only with assign-lab, a comment required to ask for changes or
 * reject. {@code requirementComments} ({@code catalog#id} to text, ADR 0086) say what to change where: only
 * with request-changes, lab-request-changes or reject, and only for requirements of the assessment.
 */
public record TransitionInput(@NotNull Action action, @Size(max = 4000) String comment, UUID labId,
                              Map<String, @NotNull @Size(max = 2000) String> requirementComments) {

    public TransitionInput {
        requirementComments = requirementComments == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requirementComments));
    }

    public TransitionInput(Action action, String comment, UUID labId) {
        this(action, comment, labId, Map.of());
    }
}
