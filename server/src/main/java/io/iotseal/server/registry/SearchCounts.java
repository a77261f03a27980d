package io.iotseal.server.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The label search's {@code totalItems}, remembered per filter (issue 13, ADR 0083). Counting every public
 * label joins the label and product tables in full, 0.3 s at 100,000 labels: every page of a broad search
 * paid it (server/bench/search.sh). A count is reused while the label and product tables' last change and
 * the number of labels, read at most once per status check interval as the bulk check reads them (ADR 0080),
 * have not moved, and for at most {@link #MAX_AGE} in any case, which bounds what a change committed late
 * (with an older timestamp than one already seen) can leave stale. The items themselves are always read fresh.
 */
@Component
class SearchCounts {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 1_000;

    /** {@code cap}: counted up to this many (the registry page's "more than N"), or 0 for the full count. */
    private record Key(LabelFilter filter, LocalDate today, int cap) {
    }

    private record Counted(long count, RegistryRepository.Freshness freshness, Instant at) {
    }

    private record Seen(RegistryRepository.Freshness freshness, Instant nextCheck) {
    }

    private final RegistryRepository repository;
    private final Clock clock;
    private final Duration checkInterval;
    private final Map<Key, Counted> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Counted> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private volatile Seen seen;

    SearchCounts(RegistryRepository repository, Clock clock,
                 @Value("${iotseal.labels.status-check-interval:PT1S}") Duration checkInterval) {
        this.repository = repository;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    long count(LabelFilter filter, LocalDate today) {
        return count(new Key(filter.unsorted(), today, 0), () -> repository.count(filter, today));
    }

    /**
     * The count up to {@code cap}, for the public registry page (ADR 0084), remembered in the same way (ADR 0090):
     * stopping at the cap still joins up to that many labels with their products, 10-80 ms a search at 100,000.
     */
    long countUpTo(LabelFilter filter, LocalDate today, int cap) {
        return count(new Key(filter.unsorted(), today, cap), () -> repository.countUpTo(filter, today, cap));
    }

    private long count(Key key, LongSupplier counter) {
        Instant now = clock.instant();
        RegistryRepository.Freshness freshness = freshness(now);
        Counted c;
        synchronized (counts) {
            c = counts.get(key);
        }
        if (c != null && Objects.equals(c.freshness(), freshness) && now.isBefore(c.at().plus(MAX_AGE))) {
            return c.count();
        }
        long n = counter.getAsLong();
        synchronized (counts) {
            counts.put(key, new Counted(n, freshness, now));
        }
        return n;
    }

    /** The tables' last change, read again once the check interval has passed. */
    private RegistryRepository.Freshness freshness(Instant now) {
        Seen s = seen;
        if (s == null || !now.isBefore(s.nextCheck())) {
            s = new Seen(repository.freshness(), now.plus(checkInterval));
            seen = s;
        }
        return s.freshness();
    }
}
