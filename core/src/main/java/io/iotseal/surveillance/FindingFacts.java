package io.iotseal.surveillance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the registry knows about one vulnerability in one labelled product version, as a policy sees it.
 *
 * @param advisoryId  the advisory (the CVE where there is one)
 * @param component   the affected component, e.g. its package URL and version
 * @param state       the vendor's triage
 * @param severity    the CVSS qualitative rating (NONE, LOW, MEDIUM, HIGH, CRITICAL), or null when unknown
 * @param kevAdded    when CISA's KEV catalog listed it as exploited, or null when it is not listed
 * @param firstSeen   when the registry first matched it to this component
 */
public record FindingFacts(String advisoryId, String component, TriageState state, String severity,
                           LocalDate kevAdded, Instant firstSeen) {
}
