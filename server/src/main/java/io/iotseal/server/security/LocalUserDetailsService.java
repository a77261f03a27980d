package io.iotseal.server.security;

import io.iotseal.server.account.AccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;

/**
 * Form login against local accounts; an account without a local password cannot log in this way.
 * Used by {@link PasswordLogin}, which puts the throttle in front of it.
 */
public class LocalUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    public LocalUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .filter(u -> u.passwordHash() != null)
                .map(u -> new LocalUser(u.id(), u.username(), u.passwordHash(), u.enabled(), u.sessionEpoch(),
                        u.passwordExpiresAt() == null ? null : u.passwordExpiresAt().toInstant(), clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no local account"));
    }
}
