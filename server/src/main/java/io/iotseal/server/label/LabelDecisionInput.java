package io.iotseal.server.label;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The operator's decision on a renewal or update request: approve, or reject with a comment. */
public record LabelDecisionInput(@NotBlank String action, @Size(max = 500) String comment) {
}
