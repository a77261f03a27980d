package io.iotseal.server.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An API token as listed: never its secret, which only its creator saw, once. */
public record ApiToken(UUID id, UUID userId, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
}
