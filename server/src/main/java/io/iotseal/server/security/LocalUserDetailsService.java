package io.iotseal.server.security;

import io.iotseal.server.account.AccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login against local accounts; an account without a local password cannot log in this way. */
@Component
public class LocalUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final LoginThrottle throttle;

    public LocalUserDetailsService(AccountRepository accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .filter(u -> u.passwordHash() != null)
                .map(u -> new LocalUser(u.id(), u.username(), u.passwordHash(), u.enabled(),
                        throttle.locked(u.username())))
                .orElseThrow(() -> new UsernameNotFoundException("no local account"));
    }
}
