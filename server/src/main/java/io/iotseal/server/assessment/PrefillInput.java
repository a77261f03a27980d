package io.iotseal.server.assessment;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Prefill from a finished (accepted) assessment the caller may see. */
public record PrefillInput(@NotNull UUID fromAssessmentId) {
}
