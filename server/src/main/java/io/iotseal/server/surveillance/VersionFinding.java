package io.iotseal.server.surveillance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One finding of a product version as surveillance uses it: a component of the version's SBOM matched to an
 * advisory by the advisory store.
 *
 * @param advisoryId   the advisory (GHSA-, CVE-, JVNDB-...)
 * @param aliases      its other identifiers
 * @param component    the component's package URL as the SBOM lists it (or its CPE when it has no purl)
 * @param name         the component's name
 * @param version      the component's version
 * @param basis        PURL, or CPE (lower confidence)
 * @param severity     CVSS qualitative rating, or null
 * @param score        CVSS base score, or null
 * @param kevAdded     when CISA KEV listed it, or null
 * @param fixedIn      the lowest fixed version the advisory names above the component's, or null
 * @param firstSeen    when the registry first matched it
 */
public record VersionFinding(String advisoryId, List<String> aliases, String component, String name, String version,
                             String basis, String severity, Double score, LocalDate kevAdded, String fixedIn,
                             OffsetDateTime firstSeen) {
    public VersionFinding {
        aliases = List.copyOf(aliases);
    }

    /** The id people know it by: the first CVE alias when there is one. */
    public String displayId() {
        if (advisoryId.startsWith("CVE-")) {
            return advisoryId;
        }
        return aliases.stream().filter(a -> a.startsWith("CVE-")).findFirst().orElse(advisoryId);
    }

    /** Whether a statement naming {@code vulnerability} about {@code purl} speaks of this finding. */
    public boolean coveredBy(String vulnerability, String purl) {
        return component.equals(purl) && (advisoryId.equalsIgnoreCase(vulnerability)
                || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(vulnerability)));
    }
}
