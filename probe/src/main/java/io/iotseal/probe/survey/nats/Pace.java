package io.iotseal.probe.survey.nats;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The permit service's clock: one permit every 1/rate seconds on a fixed schedule. Unlike the probe's local
 * {@link io.iotseal.probe.net.RateLimiter}, which restarts its schedule from "now" after each wait, a late
 * wake-up (parkNanos overshoots by tens of microseconds on a busy machine, 3 % at 400/s) is made up on the next
 * permit, so the long-run rate is the scope's. Idle time is not saved up beyond {@link #MAX_LAG}: after a pause
 * in demand at most rate/10 permits go out back to back (30 at 300/s), to different devices, whose own
 * connection caps still hold. 100 ms because a pacer thread sharing two cores with busy workers was seen to
 * stall for more than 20 ms often enough to lose 2 % of the rate.
 */
final class Pace {
    static final long MAX_LAG = TimeUnit.MILLISECONDS.toNanos(100);
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pace(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0, was " + perSecond);
        }
        this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
    }

    /** Waits for the next slot of the schedule. */
    void await() throws InterruptedException {
        long now = System.nanoTime();
        if (next < now - MAX_LAG) {
            next = now - MAX_LAG;
        }
        while ((now = System.nanoTime()) < next) {
            LockSupport.parkNanos(next - now);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        next += intervalNanos;
    }
}
