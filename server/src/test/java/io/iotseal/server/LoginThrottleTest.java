package io.iotseal.server;

import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.UserInput;
import io.iotseal.server.account.LoginThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login throttle (ADR 0064): growing waits per (name, source) and per source, no lock-out that a
 * stranger can cause, state in the database, bounded without a global wipe.
 */
class LoginThrottleTest extends ApiTest {

    private static final String PASSWORD = "a passphrase nobody guesses";
    private static final String STRANGER = "203.0.113.66";
    private static final String OWNER = "198.51.100.7";

    @Autowired
    private TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String user(String prefix) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput(name, "Throttle test", null,
                PASSWORD, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isCreated());
        return name;
    }

    /** Before ADR 0064, five wrong passwords from anyone locked the account for everyone for 15 minutes. */
    @Test
    void aStrangersWrongPasswordsDoNotKeepTheOwnerOut() throws Exception {
        String victim = user("victim");
        for (int i = 0; i < 30; i++) {
            assertThat(signedIn(tryLogin(victim, "guess number " + i, STRANGER))).isFalse();
        }
        // The stranger is now made to wait, even with the right password...
        MvcResult throttled = tryLogin(victim, PASSWORD, STRANGER);
        assertThat(signedIn(throttled)).isFalse();
        assertThat(Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
        // ...while the owner, from their own address, signs in at once.
        assertThat(signedIn(tryLogin(victim, PASSWORD, OWNER))).isTrue();
    }

    @Test
    void waitsGrowAndEndWithoutLockingTheAccount() throws Exception {
        String name = user("slow");
        String source = "192.0.2.10";
        for (int i = 0; i < 3; i++) {
            assertThat(signedIn(tryLogin(name, "wrong " + i, source))).isFalse();
        }
        // Three free failures; then a 1 s wait, after the next failure 2 s: an early attempt is refused
        // unchecked (even with the right password) and not counted.
        MvcResult early = tryLogin(name, PASSWORD, source);
        assertThat(signedIn(early)).isFalse();
        assertThat(early.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        clock.advance(Duration.ofMillis(1100));
        assertThat(signedIn(tryLogin(name, "wrong 4", source))).isFalse();
        assertThat(tryLogin(name, PASSWORD, source).getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        clock.advance(Duration.ofMillis(2100));
        // Waiting is all it takes: the right password then works, and clears the count for this pair.
        assertThat(signedIn(tryLogin(name, PASSWORD, source))).isTrue();
        assertThat(signedIn(tryLogin(name, "one typo", source))).isFalse();
        assertThat(signedIn(tryLogin(name, PASSWORD, source))).isTrue();
    }

    /** One source guessing at many names is slowed too (password spraying). */
    @Test
    void oneSourceGuessingManyNamesIsSlowed() throws Exception {
        String source = "192.0.2.99";
        for (int i = 0; i < 20; i++) {
            tryLogin("sprayed-" + i + "-" + UUID.randomUUID(), "Summer2026!!", source);
        }
        String name = user("sprayed");
        MvcResult refused = tryLogin(name, PASSWORD, source);
        assertThat(signedIn(refused)).isFalse();
        assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(signedIn(tryLogin(name, PASSWORD, OWNER))).isTrue();
    }

    /** The current-password check of a password change counts like a login (by user and source). */
    @Test
    void theCurrentPasswordCheckIsThrottledLikeLogin() throws Exception {
        String name = user("changer");
        var session = login(name, PASSWORD);
        for (int i = 0; i < 3; i++) {
            mvc.perform(withJson(put("/api/v1/users/me/password"), "{\"currentPassword\":\"wrong current " + i
                    + "\",\"newPassword\":\"another fine passphrase\"}").session(session).with(withXsrf()))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(withJson(put("/api/v1/users/me/password"), "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"another fine passphrase\"}").session(session).with(withXsrf()))
                .andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(withJson(put("/api/v1/users/me/password"), "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"another fine passphrase\"}").session(session).with(withXsrf()))
                .andExpect(status().isNoContent());
    }

    /**
     * Bounded without a global wipe (the old throttle cleared its whole table past 10,000 names, so a
     * flood of junk names unlocked every account): past its bound the table drops the rows with the
     * fewest failures, so the pair an attacker has been hammering stays throttled. The state is in the
     * database, so a second instance (here: a second throttle object) sees the same counts.
     */
    @Test
    void aFloodOfJunkNamesNeitherGrowsTheTableNorClearsIt() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        Clock fixed = Clock.fixed(start, ZoneOffset.UTC);
        jdbc.sql("delete from login_throttle").update();
        LoginThrottle.Limits small = new LoginThrottle.Limits(3, 20, Duration.ofMinutes(15), Duration.ofHours(1), 50);
        LoginThrottle one = new LoginThrottle(jdbc, fixed, small);
        LoginThrottle other = new LoginThrottle(jdbc, fixed, small);
        for (int i = 0; i < 12; i++) {
            one.failed("target", STRANGER);
        }
        assertThat(other.waitBefore("target", STRANGER)).isPositive();
        for (int i = 0; i < 300; i++) {
            other.failed("junk-" + i, "10.0." + (i / 100) + "." + (i % 100));
            assertThat(one.rows()).isLessThanOrEqualTo(50);
        }
        assertThat(one.waitBefore("target", STRANGER)).isPositive();
        assertThat(one.waitBefore("target", OWNER)).isZero();
        // Expired rows are removed, and only those.
        LoginThrottle later = new LoginThrottle(jdbc, Clock.fixed(start.plus(Duration.ofMinutes(61)), ZoneOffset.UTC), small);
        later.failed("fresh", OWNER);
        later.removeExpired();
        assertThat(later.rows()).isEqualTo(2); // the fresh pair and its source
    }
}
