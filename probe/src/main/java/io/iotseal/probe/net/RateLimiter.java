package io.iotseal.probe.net;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces out new connections across the whole run so that the probe never floods a device or a network:
 * at most {@code perSecond} connection attempts per second, evenly paced (no bursts).
 */
public final class RateLimiter {
    /**
     * Where permits come from when the pace is set elsewhere, e.g. a survey's rate shared by every worker
     * process (ADR 0104). {@link #take()} blocks until one connection attempt is allowed; it must block
     * (never return early) when the source is unreachable, so that a probe stalls rather than runs unpaced.
     */
    @FunctionalInterface
    public interface PermitSource {
        void take() throws InterruptedException;
    }

    private final long intervalNanos;
    private final PermitSource source;
    private long nextFree;

    /** @param perSecond connection attempts per second; 0 or less means unlimited */
    public RateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.nextFree = System.nanoTime();
        this.source = null;
    }

    /** Paced by {@code source} instead of a local clock: every {@link #acquire()} takes one of its permits. */
    public RateLimiter(PermitSource source) {
        this.intervalNanos = 0;
        this.nextFree = 0;
        this.source = java.util.Objects.requireNonNull(source, "source");
    }

    /** Blocks until the caller may open one more connection. */
    public void acquire() {
        if (source != null) {
            try {
                source.take();
            } catch (InterruptedException e) {
                // As with the local pace: an interrupted caller stops waiting and sees its flag set.
                Thread.currentThread().interrupt();
            }
            return;
        }
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
