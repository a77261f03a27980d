package io.iotseal.server.label;

import io.iotseal.digest.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The public label page as anonymous visitors get it, rendered once and served from memory (ADR 0090): it
 * was rendered afresh for every scan of a QR code, with five queries and the template each time. An entry
 * is used while what the page depends on has not moved: the label and product tables' last change and the
 * key generation ({@code freshness}, read at most once per check interval, as the status lists do, ADR 0052),
 * no change made through this instance since ({@link #invalidate}), the same UTC day (a label expires, and
 * renewal windows open, at a day's end), and for at most {@link #MAX_AGE}. The age bound covers a change
 * that commits late with an older timestamp than one already seen.
 */
final class LabelPageCache {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 1_000;

    /** A page's address as rendered (path and query, the language switch's links depend on both) and language. */
    record Key(String address, String lang) {
    }

    /**
     * A rendered page: its status (200, or 404 when there is no such label), the UTF-8 bytes and the ETag (the
     * first 128 bits of their SHA-256, quoted).
     */
    record Rendered(int status, byte[] html, String etag) {
        static Rendered of(int status, String html) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            return new Rendered(status, bytes, "\"" + Sha256.hex(bytes).substring(0, 32) + "\"");
        }
    }

    private record Remembered(Rendered rendered, Object freshness, long epoch, LocalDate day, Instant until) {
    }

    private record Seen(Object freshness, Instant nextCheck) {
    }

    private final Supplier<?> freshness;
    private final Clock clock;
    private final Duration checkInterval;
    private final AtomicLong epoch = new AtomicLong();
    private final Map<Key, Remembered> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private volatile Seen seen;

    LabelPageCache(Supplier<?> freshness, Clock clock, Duration checkInterval) {
        this.freshness = freshness;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    /** The page at {@code key}: the remembered one while it holds, else {@code render}'s (remembered if found). */
    Rendered get(Key key, Supplier<Rendered> render) {
        long before = epoch.get();
        Instant now = clock.instant();
        Object current = freshness(now);
        Rendered remembered = valid(key, before, now, current);
        if (remembered != null) {
            return remembered;
        }
        Rendered r = render.get();
        // Not remembered: a missing label (anyone can ask for any number of them), and a page read while a
        // change was committed here (it may predate the change).
        if (r.status() == 200 && epoch.get() == before) {
            synchronized (entries) {
                LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
                entries.put(key, new Remembered(r, current, before, day, now.plus(MAX_AGE)));
            }
        }
        return r;
    }

    /** The remembered page at {@code key} while it holds, or null: nothing is rendered (LabelPageFilter). */
    Rendered peek(Key key) {
        long before = epoch.get();
        Instant now = clock.instant();
        return valid(key, before, now, freshness(now));
    }

    private Rendered valid(Key key, long epochNow, Instant now, Object current) {
        Remembered e;
        synchronized (entries) {
            e = entries.get(key);
        }
        boolean holds = e != null && e.epoch() == epochNow && e.day().equals(LocalDate.ofInstant(now, ZoneOffset.UTC))
                && now.isBefore(e.until()) && Objects.equals(e.freshness(), current);
        return holds ? e.rendered() : null;
    }

    /** What the pages depend on, read again once the check interval has passed. */
    private Object freshness(Instant now) {
        Seen s = seen;
        if (s == null || !now.isBefore(s.nextCheck())) {
            s = new Seen(freshness.get(), now.plus(checkInterval));
            seen = s;
        }
        return s.freshness();
    }

    /** A change was made through this instance: no page rendered before it is used again. */
    void invalidate() {
        epoch.incrementAndGet();
        seen = null;
    }
}
