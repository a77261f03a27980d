package io.iotseal.server.account;

import io.iotseal.server.access.Membership;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A user as the API shows it: no password hash, whether a local password is set, whether it is a
 * one-time password that must be changed at the next sign-in, the memberships.
 */
public record UserView(UUID id, String username, String displayName, String email, boolean enabled,
                       boolean localPassword, boolean passwordChangeRequired, List<Membership> memberships,
                       OffsetDateTime createdAt) {

    static UserView of(User user, List<Membership> memberships) {
        return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.enabled(),
                user.passwordHash() != null, user.mustChangePassword(), memberships, user.createdAt());
    }
}
