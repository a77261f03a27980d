package io.iotseal.probe.sim;

import java.time.Duration;

/**
 * Brute-force protection of a simulated device: after {@code maxFailures} failed logins in a row it refuses
 * every attempt for {@code duration}. {@link #NONE} never locks.
 */
public final class Lockout {
    public static final Lockout NONE = new Lockout(Integer.MAX_VALUE, Duration.ZERO);

    private final int maxFailures;
    private final Duration duration;
    private int failures;
    private long lockedUntil;

    public Lockout(int maxFailures, Duration duration) {
        this.maxFailures = maxFailures;
        this.duration = duration;
    }

    public synchronized boolean locked() {
        return System.nanoTime() < lockedUntil;
    }

    public synchronized void failed() {
        if (++failures >= maxFailures) {
            failures = 0;
            lockedUntil = System.nanoTime() + duration.toNanos();
        }
    }

    public synchronized void succeeded() {
        failures = 0;
    }
}
