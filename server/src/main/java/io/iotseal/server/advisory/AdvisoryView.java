package io.iotseal.server.advisory;

import io.iotseal.advisory.match.SeverityScore;
import io.iotseal.advisory.Advisory;

import java.time.LocalDate;

/**
 * One advisory as stored, with the severity the registry chose and its KEV entry, if any.
 *
 * @param advisory     the record as the feed last gave it (affected packages, CPE statements, references)
 * @param cveId        the CVE it is about, if any
 * @param severity     the best CVSS score, or null
 * @param kevDateAdded when CISA listed the CVE as known exploited, or null when it is not listed
 * @param kevRansomware whether the KEV entry says it is used in ransomware campaigns, or null
 */
public record AdvisoryView(Advisory advisory, String cveId, SeverityScore severity, LocalDate kevDateAdded,
                           Boolean kevRansomware) {
}
