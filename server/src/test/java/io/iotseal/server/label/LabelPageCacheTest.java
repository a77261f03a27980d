package io.iotseal.server.label;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The public label page is rendered again exactly when something it shows may have changed (ADR 0090). */
class LabelPageCacheTest {

    private final HandClock clock = new HandClock("2026-11-29T23:58:00Z");
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger renders = new AtomicInteger();
    private volatile String lastChange = "t0";
    private final LabelPageCache cache = new LabelPageCache(() -> {
        checks.incrementAndGet();
        return lastChange;
    }, clock, Duration.ofSeconds(1));
    private final LabelPageCache.Key key = new LabelPageCache.Key("/l/ABC?lang=en", "en");

    private LabelPageCache.Rendered page(int status) {
        return cache.get(key, () -> LabelPageCache.Rendered.of(status, "page " + renders.incrementAndGet()));
    }

    @Test
    void aPageIsRenderedOnceWhileNothingChangesAndItsEtagFollowsItsBytes() {
        LabelPageCache.Rendered first = page(200);
        assertThat(page(200)).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(LabelPageCache.Rendered.of(200, "page 1").etag()).isEqualTo(first.etag());
        assertThat(LabelPageCache.Rendered.of(200, "page 2").etag()).isNotEqualTo(first.etag());
        // Another language or address is another page.
        cache.get(new LabelPageCache.Key("/l/ABC?lang=ja", "ja"), () -> LabelPageCache.Rendered.of(200, "ja"));
        assertThat(page(200)).isSameAs(first);
    }

    @Test
    void aChangeSeenInTheDatabaseIsSeenWithinTheCheckInterval() {
        LabelPageCache.Rendered first = page(200);
        lastChange = "t1";                           // committed through another instance
        assertThat(page(200)).isSameAs(first);       // not looked for yet
        assertThat(checks).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(page(200)).isNotSameAs(first);
        assertThat(checks).hasValue(2);
        assertThat(renders).hasValue(2);
    }

    @Test
    void aChangeMadeHereIsSeenAtOnce() {
        LabelPageCache.Rendered first = page(200);
        cache.invalidate();
        assertThat(page(200)).isNotSameAs(first);
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPageIsRenderedAgainOnANewDayAndAfterItsMaximumAge() {
        LabelPageCache.Rendered first = page(200);
        clock.advance(Duration.ofSeconds(30));
        assertThat(page(200)).isSameAs(first);
        clock.advance(Duration.ofSeconds(90));      // past midnight UTC: a label may have expired
        LabelPageCache.Rendered nextDay = page(200);
        assertThat(nextDay).isNotSameAs(first);
        clock.advance(LabelPageCache.MAX_AGE.minusSeconds(1));
        assertThat(page(200)).isSameAs(nextDay);
        clock.advance(Duration.ofSeconds(1));
        assertThat(page(200)).isNotSameAs(nextDay);
        assertThat(renders).hasValue(3);
    }

    @Test
    void aMissingLabelIsNotRemembered() {
        page(404);
        page(404);
        assertThat(renders).hasValue(2);
    }
}
