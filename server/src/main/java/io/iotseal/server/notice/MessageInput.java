package io.iotseal.server.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The operator's question about a notice, or the vendor's answer (ADR 0100). */
public record MessageInput(@NotBlank @Size(max = 2000) String message) {
}
