package io.iotseal.server.account;

import jakarta.validation.constraints.NotNull;

/** An admin disabling ({@code false}) or re-enabling ({@code true}) a user. */
public record UserStatusChange(@NotNull Boolean enabled) {
}
