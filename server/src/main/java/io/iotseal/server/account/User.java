package io.iotseal.server.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person's account. The password hash never leaves the server (see {@link UserView}). */
public record User(UUID id, String username, String displayName, String email, String passwordHash,
                   boolean enabled, OffsetDateTime createdAt, long version) {
}
