package io.iotseal.server.access;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** A user's role in one organization. */
public record Membership(@NotNull UUID organizationId, @NotNull Role role) {
}
