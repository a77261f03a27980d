package io.iotseal.server.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A user signed in with a local password. Roles are not kept here: they are read per request into
 * the {@link Actor}, so they can change while a session lasts.
 */
public record LocalUser(UUID userId, String username, String passwordHash, boolean enabled, boolean locked)
        implements UserDetails, IotSealPrincipal {

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

    /** Locked while {@link LoginThrottle} holds back guessing at this name. */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public String toString() {
        return "LocalUser[" + username + "]"; // never the hash
    }
}
