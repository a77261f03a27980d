package io.iotseal.server.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The public labels by model number and by GTIN, kept in memory for the bulk check (issue 13, ADR 0080).
 * Refreshed the way the status lists are (ADR 0052, {@code StatusListCache}): at most once per status check
 * interval, one query reads the label and product tables' last change, and only when it moved is the index
 * read again; so a status change, wherever it was made, is answered here within that interval, as it is in
 * the signed lists. Expiry is worked out at answer time from the stored day, so it needs no refresh.
 */
@Component
class StatusIndex {

    /** The index as read, and when to look at the tables' last change again. */
    private record Snapshot(Map<String, List<RegistryRepository.Keyed>> byModelNumber,
                            Map<String, List<RegistryRepository.Keyed>> byGtin, Object freshness, Instant nextCheck) {
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
    Map<String, List<RegistryRepository.Keyed>> modelNumbers() {
        return current().byModelNumber();
    }

    Map<String, List<RegistryRepository.Keyed>> gtins() {
        return current().byGtin();
    }

    private Snapshot current() {
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
            Object seen = repository.freshness();
            if (s != null && Objects.equals(s.freshness(), seen)) {
                s = new Snapshot(s.byModelNumber(), s.byGtin(), seen, now.plus(checkInterval));
            } else {
                s = new Snapshot(group(repository.byModelNumber()), group(repository.byGtin()), seen, now.plus(checkInterval));
            }
            snapshot = s;
            return s;
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, List<RegistryRepository.Keyed>> group(List<RegistryRepository.Keyed> rows) {
        Map<String, List<RegistryRepository.Keyed>> out = new HashMap<>();
        for (RegistryRepository.Keyed k : rows) {
            out.computeIfAbsent(k.key(), x -> new java.util.ArrayList<>(1)).add(k);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }
}
