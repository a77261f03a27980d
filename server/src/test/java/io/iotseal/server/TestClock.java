package io.iotseal.server;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in the server tests: the system clock (UTC), which a test may set to another day and
 * must put back afterwards ({@link #reset}). Only days in the past are useful: API tokens expire.
 */
public final class TestClock extends Clock {

    /**
     * Shared by the test contexts of the JVM: they share the test database, and a background job of one context
     * (db-scheduler picks queued tasks from the shared table, ADR 0095) may run work another context's test
     * queued; both must see the same time.
     */
    private static volatile Duration offset = Duration.ZERO;

    /** Replaces the server's {@code clock} bean in the shared API test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    /** From now on the server's today is {@code day} (the time of day runs on). */
    public void setToday(LocalDate day) {
        Instant real = Clock.systemUTC().instant();
        offset = Duration.between(LocalDate.ofInstant(real, ZoneOffset.UTC).atStartOfDay(), day.atStartOfDay());
    }

    /** Moves the server's time on by {@code by} (e.g. past a login throttle's wait). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    public static LocalDate realToday() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset);
    }
}
