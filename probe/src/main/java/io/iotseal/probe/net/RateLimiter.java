package io.iotseal.probe.net;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces out new connections across the whole run so that the probe never floods a device or a network:
 * at most {@code perSecond} connection attempts per second, evenly paced (no bursts).
 */
public final class RateLimiter {
    private final long intervalNanos;
    private long nextFree;

    /** @param perSecond connection attempts per second; 0 or less means unlimited */
    public RateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.nextFree = System.nanoTime();
    }

    /** Blocks until the caller may open one more connection. */
    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait = reserve();
        while (wait > 0) {
            long until = System.nanoTime() + wait;
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = until - System.nanoTime();
        }
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        long at = Math.max(now, nextFree);
        nextFree = at + intervalNanos;
        return at - now;
    }
}
