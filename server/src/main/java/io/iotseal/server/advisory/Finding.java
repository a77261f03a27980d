package io.iotseal.server.advisory;

import io.iotseal.advisory.match.SeverityScore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An open finding on a component of a product version.
 *
 * @param component      the component's name as the SBOM gives it
 * @param basis          PURL, or CPE (lower confidence: firmware CPEs are coarse)
 * @param lowerConfidence true when the match rests on the CPE only
 * @param severity       the advisory's best CVSS score, or null
 * @param kev            whether the CVE is in CISA's Known Exploited Vulnerabilities catalog
 * @param kevDateAdded   when it was added there, or null
 * @param fixedIn        the lowest fixed version above the component's, or null when the advisory names none
 * @param reason         what the match rests on, in one line a vendor can check
 */
public record Finding(String component, String purl, String cpe, String version, String advisoryId,
                      List<String> aliases, String summary, String basis, boolean lowerConfidence,
                      SeverityScore severity, boolean kev, LocalDate kevDateAdded, String fixedIn,
                      String reason, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
}
