package io.iotseal.server.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's account. The password hash never leaves the server (see {@link UserView}). Raising
 * {@code sessionEpoch} ends the user's sessions; {@code mustChangePassword} and
 * {@code passwordExpiresAt} belong to a one-time password set by a reset (ADR 0065).
 */
public record User(UUID id, String username, String displayName, String email, String passwordHash,
                   boolean enabled, OffsetDateTime createdAt, long version, long sessionEpoch,
                   boolean mustChangePassword, OffsetDateTime passwordExpiresAt) {

    /** A new account: sessions start at epoch 0, with a password the user chose (or none). */
    public static User create(UUID id, String username, String displayName, String email, String passwordHash,
                              OffsetDateTime createdAt) {
        return new User(id, username, displayName, email, passwordHash, true, createdAt, 1, 0, false, null);
    }
}
