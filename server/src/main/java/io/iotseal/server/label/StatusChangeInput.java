package io.iotseal.server.label;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A status change by the operator: suspend (reason required), reinstate, or revoke (final, reason required). */
public record StatusChangeInput(@NotBlank String action, @Size(max = 500) String reason) {
}
