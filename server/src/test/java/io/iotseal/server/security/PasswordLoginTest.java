package io.iotseal.server.security;

import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.LoginThrottle;
import io.iotseal.server.account.User;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each Argon2 check holds 16 MiB: a flood of concurrent logins (which the throttle counts only after
 * their checks) must not run them all at once.
 */
class PasswordLoginTest {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    /** Counts how many checks run at once; each takes a while, like Argon2. */
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "{test}hash";
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return false;
        }
    };

    private final AccountRepository accounts = new AccountRepository(null) {
        @Override
        public Optional<User> findByUsername(String username) {
            return Optional.of(User.create(UUID.randomUUID(), username, "Someone", null, "{test}hash", OffsetDateTime.now()));
        }
    };

    /** A throttle that lets everything through: here only the bound on concurrent checks is tested. */
    private final LoginThrottle open = new LoginThrottle(null, Clock.systemUTC()) {
        @Override
        public Duration waitBefore(String username, String source) {
            return Duration.ZERO;
        }

        @Override
        public void failed(String username, String source) {
        }

        @Override
        public void succeeded(String username, String source) {
        }
    };

    @Test
    void passwordChecksRunAFewAtATime() throws Exception {
        PasswordLogin login = new PasswordLogin(accounts, slow, open, Clock.systemUTC());
        int attempts = 6 * PasswordLogin.CONCURRENT_CHECKS;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CyclicBarrier start = new CyclicBarrier(attempts);
            List<Future<?>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String name = "user" + i;
                outcomes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    assertThatThrownBy(() -> login.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(name, "a wrong password")))
                            .isInstanceOf(BadCredentialsException.class);
                    return null;
                }));
            }
            for (Future<?> outcome : outcomes) {
                outcome.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, PasswordLogin.CONCURRENT_CHECKS);
    }

    /**
     * Concurrent guesses at one account: those that waited for a slot see the failures counted meanwhile,
     * so a burst gets no more checks than there are slots (before, every request of the burst had passed
     * the throttle before any failure was counted).
     */
    @Test
    void aBurstOfGuessesSeesTheFailuresCountedMeanwhile() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        LoginThrottle strict = new LoginThrottle(null, Clock.systemUTC()) {
            @Override
            public Duration waitBefore(String username, String source) {
                return failures.get() > 0 ? Duration.ofSeconds(1) : Duration.ZERO;
            }

            @Override
            public void failed(String username, String source) {
                failures.incrementAndGet();
            }

            @Override
            public void succeeded(String username, String source) {
            }
        };
        PasswordLogin login = new PasswordLogin(accounts, slow, strict, Clock.systemUTC());
        int attempts = 6 * PasswordLogin.CONCURRENT_CHECKS;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CyclicBarrier start = new CyclicBarrier(attempts);
            List<Future<?>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("victim", "guess"));
                    } catch (BadCredentialsException | PasswordLogin.TooManyAttempts expected) {
                        // a wrong guess, or refused unchecked
                    }
                    return null;
                }));
            }
            for (Future<?> outcome : outcomes) {
                outcome.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures.get()).isBetween(1, PasswordLogin.CONCURRENT_CHECKS);
    }
}
