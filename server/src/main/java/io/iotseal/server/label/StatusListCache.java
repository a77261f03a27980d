package io.iotseal.server.label;

import io.iotseal.label.status.StatusPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The signed status lists as served (ADR 0052): kept in memory and answered without touching the
 * database, except that at most once per check interval the label table's last change and the key
 * generation are read, so a change made through another instance is signed and served within that
 * interval. A change made here drops the lists at once ({@link #invalidate}). Lists are also re-signed
 * once {@code resignAfter} has passed, well before they expire. When the database cannot be reached, the
 * lists signed last are served until their validity ends (ADR 0068), and then the error is passed on.
 */
final class StatusListCache {

    private static final Logger log = LoggerFactory.getLogger(StatusListCache.class);

    private record Cached(Map<StatusPurpose, SignedStatusList> lists, Object freshness, Instant signedAt,
                          Instant nextCheck) {
    }

    /** What the lists depend on besides the clock (compared with equals): read at most once per interval. */
    private final Supplier<?> freshness;
    private final Function<Instant, Map<StatusPurpose, SignedStatusList>> signer;
    private final Clock clock;
    private final Duration checkInterval;
    private final Duration resignAfter;
    /** How long a signed list stays valid (its validUntil): the longest it is served when it cannot be re-signed. */
    private final Duration validity;
    private final AtomicLong invalidations = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Cached cached;

    StatusListCache(Supplier<?> freshness, Function<Instant, Map<StatusPurpose, SignedStatusList>> signer,
                    Clock clock, Duration checkInterval, Duration resignAfter, Duration validity) {
        this.freshness = freshness;
        this.signer = signer;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.resignAfter = resignAfter;
        this.validity = validity;
    }

    SignedStatusList get(StatusPurpose purpose) {
        Cached c = cached;
        Instant now = clock.instant();
        if (c != null && now.isBefore(c.nextCheck())) {
            return c.lists().get(purpose);
        }
        // Another request is checking (or waiting for the database): the lists it may replace are valid
        // until their validUntil, so serve them rather than queue behind it.
        if (c != null && now.isBefore(c.signedAt().plus(validity))) {
            if (!lock.tryLock()) {
                return c.lists().get(purpose);
            }
        } else {
            lock.lock();
        }
        try {
            now = clock.instant();
            c = cached;
            if (c != null && now.isBefore(c.nextCheck())) {
                return c.lists().get(purpose);
            }
            long epoch = invalidations.get();
            Cached previous = c; // null after a change made here: those lists are no longer true
            boolean changeSeen = false; // a change another instance made: the old lists are no longer true either
            try {
                Object seen = freshness.get();
                changeSeen = c != null && !Objects.equals(c.freshness(), seen);
                if (c == null || changeSeen || !now.isBefore(c.signedAt().plus(resignAfter))) {
                    c = checked(signer.apply(now), seen, now, now);
                } else {
                    c = checked(c.lists(), c.freshness(), c.signedAt(), now);
                }
            } catch (RuntimeException e) {
                // The database (or the key lock) cannot be reached: unless a change is known, the lists
                // signed last are still true statements until they expire, so serve them, and try again
                // one interval later.
                Instant expiry = previous == null || changeSeen ? now : previous.signedAt().plus(validity);
                if (!now.isBefore(expiry)) {
                    throw e;
                }
                log.warn("status lists not re-checked, serving those signed at {}: {}", previous.signedAt(), e.toString());
                c = new Cached(previous.lists(), previous.freshness(), previous.signedAt(),
                        min(now.plus(checkInterval), expiry));
            }
            // A change committed here while we read: what we read may predate it, so check again next time.
            cached = epoch == invalidations.get() ? c : null;
            return c.lists().get(purpose);
        } finally {
            lock.unlock();
        }
    }

    /** Lists checked at {@code checkedAt}: next looked at one interval later, or when they are due for re-signing. */
    private Cached checked(Map<StatusPurpose, SignedStatusList> lists, Object freshness, Instant signedAt,
                           Instant checkedAt) {
        return new Cached(lists, freshness, signedAt, min(checkedAt.plus(checkInterval), signedAt.plus(resignAfter)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A change was committed through this instance: sign afresh on the next request. */
    void invalidate() {
        invalidations.incrementAndGet();
        cached = null;
    }
}
