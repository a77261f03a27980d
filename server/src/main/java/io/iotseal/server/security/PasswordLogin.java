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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Password login (form login) with the {@link LoginThrottle} in front: an attempt that comes before
 * its wait is over is refused without looking at the password, a wrong password (or unknown name)
 * is counted against its name and source, the right one clears that pair (ADR 0064).
 *
 * <p>Password checks run a few at a time: each Argon2 check holds 16 MiB (Spring's defaults), and a
 * request thread is a virtual thread, so without a bound anyone could make the server hash (and hold
 * the memory) for thousands of concurrent logins, known names or not, before the throttle has counted
 * a single failure. An attempt that finds no free slot within {@link #SLOT_WAIT} is refused unchecked,
 * not counted, with a short Retry-After.
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    /** Password checks at once, per server instance: about one per core, each 16 MiB. */
    static final int CONCURRENT_CHECKS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How long an attempt waits for a free slot before it is refused. */
    static final Duration SLOT_WAIT = Duration.ofSeconds(10);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);

    public PasswordLogin(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(new LocalUserDetailsService(accounts, clock));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = attempt.getName();
        String source = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        // The slot first, then the throttle: an attempt that queued behind others sees their failures.
        acquireSlot();
        try {
            Duration wait = throttle.waitBefore(name, source);
            if (!wait.isZero()) {
                throw new TooManyAttempts(wait);
            }
            Authentication ok = passwords.authenticate(attempt);
            throttle.succeeded(name, source);
            return ok;
        } catch (BadCredentialsException wrong) {
            throttle.failed(name, source);
            throw wrong;
        } finally {
            checks.release();
        }
    }

    private void acquireSlot() {
        try {
            if (checks.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new TooManyAttempts("too many sign-ins at once; try again shortly", Duration.ofSeconds(1));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused before the password was looked at (throttled, or no free slot); {@link #retryAfter} says when to try again. */
    public static final class TooManyAttempts extends AuthenticationException {
        private final Duration retryAfter;

        public TooManyAttempts(Duration retryAfter) {
            this("too many failed attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s", retryAfter);
        }

        TooManyAttempts(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
