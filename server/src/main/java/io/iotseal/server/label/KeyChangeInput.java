package io.iotseal.server.label;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the operator rotates or removes a signing key; kept in the audit log. */
public record KeyChangeInput(@NotBlank @Size(max = 500) String reason) {
}
