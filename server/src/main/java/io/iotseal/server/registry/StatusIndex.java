package io.iotseal.server.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The public labels by model number and by GTIN, kept in memory for the bulk check (issue 13, ADR 0080).
 * Kept current the way the status lists are (ADR 0052, {@code StatusListCache}): at most once per status
 * check interval, one query reads the label and product tables' last change; only when it moved are the
 * products changed since the last read re-read (with a margin, for transactions that committed late) and
 * their entries replaced, so a change costs a query on the few products it touched, not a re-read of the
 * registry. A status change, wherever it was made, is answered here within that interval, as it is in the
 * signed lists. Expiry is worked out at answer time from the stored day, so it needs no refresh.
 */
@Component
class StatusIndex {

    /** Changes committed this long after their timestamp (a slow transaction) are still picked up. */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(2);
    /** Beyond this many changed products one full read is cheaper than patching. */
    static final int MAX_PATCHED_PRODUCTS = 1_000;

    /** The index as read, what it was read at, and when to look at the tables' last change again. */
    record Snapshot(Map<String, List<RegistryRepository.Keyed>> byModelNumber,
                    Map<String, List<RegistryRepository.Keyed>> byGtin, RegistryRepository.Freshness freshness,
                    Instant nextCheck) {
    }

    private final RegistryRepository repository;
    private final Clock clock;
    private final Duration checkInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot snapshot;

    StatusIndex(RegistryRepository repository, Clock clock,
                @Value("${iotseal.labels.status-check-interval:PT1S}") Duration checkInterval) {
        this.repository = repository;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    /** The index, current to within the check interval. */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && clock.instant().isBefore(s.nextCheck())) {
            return s;
        }
        lock.lock();
        try {
            s = snapshot;
            Instant now = clock.instant();
            if (s != null && now.isBefore(s.nextCheck())) {
                return s;
            }
            RegistryRepository.Freshness seen = repository.freshness();
            Instant next = now.plus(checkInterval);
            if (s == null) {
                s = new Snapshot(group(repository.byModelNumber(null)), group(repository.byGtin(null)), seen, next);
            } else if (Objects.equals(s.freshness(), seen)) {
                s = new Snapshot(s.byModelNumber(), s.byGtin(), seen, next);
            } else {
                s = refreshed(s, seen, next);
            }
            snapshot = s;
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** The index with the entries of the products changed since {@code s} was read replaced by their rows now. */
    private Snapshot refreshed(Snapshot s, RegistryRepository.Freshness seen, Instant next) {
        OffsetDateTime labels = s.freshness().labels();
        OffsetDateTime products = s.freshness().products();
        Set<UUID> changed = labels == null || products == null ? null
                : repository.changedProducts(labels.minus(LATE_COMMIT_MARGIN), products.minus(LATE_COMMIT_MARGIN));
        if (changed == null || changed.size() > MAX_PATCHED_PRODUCTS) {
            return new Snapshot(group(repository.byModelNumber(null)), group(repository.byGtin(null)), seen, next);
        }
        return new Snapshot(patch(s.byModelNumber(), changed, repository.byModelNumber(changed)),
                patch(s.byGtin(), changed, repository.byGtin(changed)), seen, next);
    }

    /** {@code index} without the entries of {@code products}, plus {@code fresh}: a new map, the old one untouched. */
    static Map<String, List<RegistryRepository.Keyed>> patch(Map<String, List<RegistryRepository.Keyed>> index,
                                                             Collection<UUID> products,
                                                             List<RegistryRepository.Keyed> fresh) {
        Map<String, List<RegistryRepository.Keyed>> out = new HashMap<>(index.size() + fresh.size());
        for (var e : index.entrySet()) {
            List<RegistryRepository.Keyed> kept = e.getValue();
            if (kept.stream().anyMatch(k -> products.contains(k.productId()))) {
                kept = kept.stream().filter(k -> !products.contains(k.productId())).toList();
            }
            if (!kept.isEmpty()) {
                out.put(e.getKey(), kept);
            }
        }
        for (RegistryRepository.Keyed k : fresh) {
            out.merge(k.key(), List.of(k), (a, b) -> {
                List<RegistryRepository.Keyed> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
        return out;
    }

    private static Map<String, List<RegistryRepository.Keyed>> group(List<RegistryRepository.Keyed> rows) {
        return patch(Map.of(), List.of(), rows);
    }
}
