package io.iotseal.server.label;

import io.iotseal.label.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The served lists look for other instances' changes at most once per interval, and sign only when needed. */
class StatusListCacheTest {

    private final HandClock clock = new HandClock("2026-11-29T10:00:00Z");
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger signatures = new AtomicInteger();
    private volatile String lastChange = "t0";

    private volatile boolean databaseDown;
    /** The database answered the check, but signing fails (the key lock, or the database gone in between). */
    private volatile boolean signingFails;

    private final StatusListCache cache = new StatusListCache(() -> {
        checks.incrementAndGet();
        if (databaseDown) {
            throw new CannotGetJdbcConnectionException("connection refused");
        }
        return lastChange;
    }, at -> {
        if (signingFails) {
            throw new CannotGetJdbcConnectionException("connection lost while signing");
        }
        int n = signatures.incrementAndGet();
        Map<StatusPurpose, SignedStatusList> lists = new EnumMap<>(StatusPurpose.class);
        for (StatusPurpose p : StatusPurpose.values()) {
            lists.put(p, new SignedStatusList("jwt" + n, new byte[0], "\"" + n + "\"", at));
        }
        return lists;
    }, clock, Duration.ofSeconds(1), Duration.ofHours(12), Duration.ofHours(24));

    @Test
    void readsTheDatabaseAtMostOncePerIntervalAndSeesAnotherInstancesChangeAfterIt() {
        assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt1");
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt1");
        }
        assertThat(checks).hasValue(1);

        lastChange = "t1"; // changed through another instance: not seen within the interval
        clock.advance(Duration.ofMillis(999));
        assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt1");
        assertThat(checks).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt2");
        assertThat(checks).hasValue(2);

        // Nothing changed: checked again after the interval, but not signed again.
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt2");
        assertThat(checks).hasValue(3);
        assertThat(signatures).hasValue(2);
    }

    @Test
    void aChangeMadeHereIsServedAtOnceAndOldListsAreReSigned() {
        cache.get(StatusPurpose.SUSPENSION);
        lastChange = "t1";
        cache.invalidate();
        assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt2");

        clock.advance(Duration.ofHours(12));
        assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt3");
        assertThat(signatures).hasValue(3);
    }

    @Test
    void duringADatabaseOutageTheListsSignedLastAreServedUntilTheyExpire() {
        assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt1");
        databaseDown = true;
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt1");
        assertThat(checks).hasValue(2);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get(StatusPurpose.SUSPENSION).jwt()).isEqualTo("jwt1");
        }
        assertThat(checks).as("tried again once per interval, not on every request").hasValue(2);

        clock.advance(Duration.ofHours(13)); // past re-signing time: cannot re-sign, the old lists are still valid
        assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt1");
        clock.advance(Duration.ofHours(11)); // 24 h after signing: expired, so no list rather than a stale one
        assertThatThrownBy(() -> cache.get(StatusPurpose.REVOCATION)).isInstanceOf(CannotGetJdbcConnectionException.class);

        databaseDown = false;
        assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt2");
    }

    @Test
    void afterAChangeMadeHereTheOldListsAreNotServedEvenIfTheDatabaseIsDown() {
        cache.get(StatusPurpose.REVOCATION);
        cache.invalidate();
        databaseDown = true;
        assertThatThrownBy(() -> cache.get(StatusPurpose.REVOCATION)).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void whenAnotherInstancesChangeIsSeenButCannotBeSignedTheOldListsAreNotServed() {
        assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt1");
        lastChange = "t1"; // a label revoked through another instance
        signingFails = true;
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> cache.get(StatusPurpose.REVOCATION))
                .as("the old list is known to be untrue: it no longer shows the revocation")
                .isInstanceOf(CannotGetJdbcConnectionException.class);

        signingFails = false;
        assertThat(cache.get(StatusPurpose.REVOCATION).jwt()).isEqualTo("jwt2");
    }
}
