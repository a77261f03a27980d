package io.iotseal.server.advisory;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisoryMatch;

import java.util.Collection;
import java.util.List;

/**
 * How components are matched against a set of advisories: the core's {@code advisory.match.AdvisoryIndex}
 * (ecosystem version rules, purl first, CPE as fallback). An interface so that the store and the jobs do not
 * care how an index is built, only that one is built per batch of keys.
 */
@FunctionalInterface
public interface AdvisoryMatching {

    Matcher index(Collection<Advisory> advisories);

    @FunctionalInterface
    interface Matcher {
        List<AdvisoryMatch> match(String purl, String cpe, String version);
    }
}
