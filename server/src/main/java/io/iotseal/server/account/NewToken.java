package io.iotseal.server.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A token just created: the only time its secret is ever shown. */
public record NewToken(UUID id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt, String token) {
}
