package io.iotseal.advisory;

import java.time.LocalDate;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalog: evidence of exploitation in the wild, which
 * operator policy may weigh (issue 16 item 5).
 *
 * @param cveId            the CVE identifier
 * @param vendorProject    the catalog's vendor or project
 * @param product          the catalog's product
 * @param dateAdded        when CISA added it
 * @param dueDate          the remediation due date CISA set for US federal agencies, or null
 * @param knownRansomware  true when the catalog says it is known to be used in ransomware campaigns
 */
public record KevEntry(String cveId, String vendorProject, String product, LocalDate dateAdded, LocalDate dueDate,
                       boolean knownRansomware) {
}
