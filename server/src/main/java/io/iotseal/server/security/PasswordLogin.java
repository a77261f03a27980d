package io.iotseal.server.security;

import io.iotseal.server.account.LoginThrottle;

import io.iotseal.server.account.AccountRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Password login (form login) with the {@link LoginThrottle} in front: an attempt that comes before
 * its wait is over is refused without looking at the password, a wrong password (or unknown name)
 * is counted against its name and source, the right one clears that pair (ADR 0064).
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    public PasswordLogin(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(new LocalUserDetailsService(accounts, clock));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = attempt.getName();
        String source = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Duration wait = throttle.waitBefore(name, source);
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
        try {
            Authentication ok = passwords.authenticate(attempt);
            throttle.succeeded(name, source);
            return ok;
        } catch (BadCredentialsException wrong) {
            throttle.failed(name, source);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused before the password was looked at; {@link #retryAfter} says when the next attempt counts. */
    public static final class TooManyAttempts extends AuthenticationException {
        private final Duration retryAfter;

        public TooManyAttempts(Duration retryAfter) {
            super("too many failed attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
