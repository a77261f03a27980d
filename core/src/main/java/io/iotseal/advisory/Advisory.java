package io.iotseal.advisory;

import java.time.Instant;
import java.util.List;

/**
 * One advisory from one feed. The same vulnerability may arrive from several feeds (a GHSA, the CVE at NVD,
 * the JVNDB entry); {@code aliases} link them, and the registry shows the CVE identifier where there is one.
 *
 * @param id         the feed's identifier (GHSA-…, CVE-…, JVNDB-…)
 * @param source     the feed
 * @param aliases    other identifiers of the same vulnerability (CVE ids first when the feed gives them)
 * @param summary    the feed's one-line summary or title, possibly empty
 * @param published  when the feed first published it, or null
 * @param modified   when the feed last changed it; incremental imports compare this
 * @param withdrawn  true when the feed withdrew or rejected it (it then matches nothing)
 * @param severities the severities the feed states
 * @param packages   affected packages by package URL (OSV)
 * @param cpes       affected platforms by CPE (NVD, JVN)
 * @param references reference URLs, as given
 */
public record Advisory(String id, AdvisorySource source, List<String> aliases, String summary, Instant published,
                       Instant modified, boolean withdrawn, List<Severity> severities, List<AffectedPackage> packages,
                       List<AffectedCpe> cpes, List<String> references) {
    public Advisory {
        aliases = List.copyOf(aliases);
        severities = List.copyOf(severities);
        packages = List.copyOf(packages);
        cpes = List.copyOf(cpes);
        references = List.copyOf(references);
    }
}
