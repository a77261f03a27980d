package io.iotseal.advisory.feed;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.KevEntry;

import java.util.List;

/**
 * Everything read from one import (a file, a folder or a zip), complete: a reader either returns the whole
 * batch or throws. Advisories are empty for {@link FeedKind#KEV}; KEV entries are empty for the other kinds.
 *
 * @param warnings what was read but cannot be used in full (a package whose ecosystem has no package URL
 *                 type, a JVN version text that is not a range, a skipped file), each naming file and place
 */
public record FeedBatch(FeedKind kind, List<Advisory> advisories, List<KevEntry> kev, List<String> warnings) {
    public FeedBatch {
        advisories = List.copyOf(advisories);
        kev = List.copyOf(kev);
        warnings = List.copyOf(warnings);
    }
}
