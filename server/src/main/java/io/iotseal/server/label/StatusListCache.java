package io.iotseal.server.label;

import io.iotseal.label.status.StatusPurpose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The signed status lists as served (ADR 0052): kept in memory and answered without touching the
 * database, except that at most once per check interval the label table's last change and the key
 * generation are read, so a change made through another instance is signed and served within that
 * interval. A change made here drops the lists at once ({@link #invalidate}). Lists are also re-signed
 * once {@code resignAfter} has passed, well before they expire.
 */
final class StatusListCache {

    private record Cached(Map<StatusPurpose, LabelService.SignedList> lists, Object freshness, Instant signedAt,
                          Instant checkedAt) {
    }

    /** What the lists depend on besides the clock (compared with equals): read at most once per interval. */
    private final Supplier<?> freshness;
    private final Function<Instant, Map<StatusPurpose, LabelService.SignedList>> signer;
    private final Clock clock;
    private final Duration checkInterval;
    private final Duration resignAfter;
    private final AtomicLong invalidations = new AtomicLong();
    private volatile Cached cached;

    StatusListCache(Supplier<?> freshness, Function<Instant, Map<StatusPurpose, LabelService.SignedList>> signer,
                    Clock clock, Duration checkInterval, Duration resignAfter) {
        this.freshness = freshness;
        this.signer = signer;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.resignAfter = resignAfter;
    }

    LabelService.SignedList get(StatusPurpose purpose) {
        Cached c = cached;
        if (c != null && current(c, clock.instant())) {
            return c.lists().get(purpose);
        }
        synchronized (this) {
            Instant now = clock.instant();
            c = cached;
            if (c != null && current(c, now)) {
                return c.lists().get(purpose);
            }
            long epoch = invalidations.get();
            Object seen = freshness.get();
            if (c == null || !Objects.equals(c.freshness(), seen) || !now.isBefore(c.signedAt().plus(resignAfter))) {
                c = new Cached(signer.apply(now), seen, now, now);
            } else {
                c = new Cached(c.lists(), c.freshness(), c.signedAt(), now);
            }
            // A change committed here while we read: what we read may predate it, so check again next time.
            cached = epoch == invalidations.get() ? c : null;
            return c.lists().get(purpose);
        }
    }

    /** A change was committed through this instance: sign afresh on the next request. */
    void invalidate() {
        invalidations.incrementAndGet();
        cached = null;
    }

    private boolean current(Cached c, Instant now) {
        return now.isBefore(c.checkedAt().plus(checkInterval)) && now.isBefore(c.signedAt().plus(resignAfter));
    }
}
