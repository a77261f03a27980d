package io.iotseal.advisory.feed;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.KevEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the readers find across the files of one import. The same identifier read twice (two
 * overlapping NVD pages, a record in two folders) keeps the later {@code modified}, so the batch holds one
 * record per identifier and the server's comparison of {@code modified} stays meaningful.
 */
final class BatchBuilder {
    private final FeedKind kind;
    private final Map<String, Advisory> advisories = new LinkedHashMap<>();
    private final Map<String, KevEntry> kev = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    BatchBuilder(FeedKind kind) {
        this.kind = kind;
    }

    void add(Advisory a) {
        advisories.merge(a.id(), a, (old, neu) -> neu.modified().isAfter(old.modified()) ? neu : old);
    }

    void add(KevEntry e) {
        kev.merge(e.cveId(), e, (old, neu) -> neu.dateAdded().isAfter(old.dateAdded()) ? neu : old);
    }

    void warn(String location, String message) {
        warnings.add(location + ": " + message);
    }

    FeedBatch build() {
        return new FeedBatch(kind, List.copyOf(advisories.values()), List.copyOf(kev.values()), warnings);
    }
}
