package io.iotseal.advisory;

import java.util.List;

/**
 * A range of affected versions in OSV's form.
 *
 * @param type   {@code ECOSYSTEM} (versions compared by the package's ecosystem rules), {@code SEMVER}, or
 *               {@code GIT} (commit hashes: kept, never matched against a version)
 * @param events the events in the order the feed gives them
 */
public record AffectedRange(String type, List<RangeEvent> events) {
    public AffectedRange {
        events = List.copyOf(events);
    }
}
