package io.iotseal.server.security;

import io.iotseal.server.access.Actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A user signed in with a local password. Roles are not kept here: they are read per request into
 * the {@link Actor}, so they can change while a session lasts. {@code passwordExpiresAt} is set only
 * for a one-time password from a reset (ADR 0065).
 */
public record LocalUser(UUID userId, String username, String passwordHash, boolean enabled, long sessionEpoch,
                        Instant passwordExpiresAt, Instant checkedAt) implements UserDetails, SessionPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** A one-time password stops working when it expires, even if never used. */
    @Override
    public boolean isCredentialsNonExpired() {
        return passwordExpiresAt == null || checkedAt.isBefore(passwordExpiresAt);
    }

    @Override
    public LocalUser atEpoch(long epoch) {
        return new LocalUser(userId, username, passwordHash, enabled, epoch, passwordExpiresAt, checkedAt);
    }

    @Override
    public String toString() {
        return "LocalUser[" + username + "]"; // never the hash
    }
}
