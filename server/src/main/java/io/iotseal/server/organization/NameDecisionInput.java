package io.iotseal.server.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The operator's decision on a name change: {@code approve}, or {@code reject} with a comment. */
public record NameDecisionInput(@NotBlank String action, @Size(max = 500) String comment) {
}
