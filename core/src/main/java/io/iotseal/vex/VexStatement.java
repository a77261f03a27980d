package io.iotseal.vex;

import java.time.Instant;

/**
 * One triage statement: the status of one vulnerability for one component, as a VEX document states it.
 *
 * @param vulnerabilityId the vulnerability's identifier as the document gives it (CVE-…, GHSA-…, JVNDB-…)
 * @param componentPurl   the component's package URL in canonical form, when the document gives one
 * @param componentRef    the document's own reference for the component (CycloneDX bom-ref, OpenVEX
 *                        {@code @id} that is not a purl, CSAF product_id), or null
 * @param status          the status
 * @param justification   why it is not affected, or null
 * @param impactStatement free text on the impact (why not affected), or null
 * @param actionStatement what the user should do (affected), or null
 * @param fixedInVersion  the version containing the fix (fixed), or null
 * @param timestamp       when the statement was made or last updated, as the document says, or null
 */
public record VexStatement(String vulnerabilityId, String componentPurl, String componentRef, VexStatus status,
                           VexJustification justification, String impactStatement, String actionStatement,
                           String fixedInVersion, Instant timestamp) {

    public VexStatement {
        if (vulnerabilityId == null || vulnerabilityId.isBlank()) {
            throw new IllegalArgumentException("a VEX statement needs a vulnerability id");
        }
        if (status == null) {
            throw new IllegalArgumentException("a VEX statement needs a status");
        }
        if (componentPurl == null && componentRef == null) {
            throw new IllegalArgumentException("a VEX statement needs a component (purl or reference)");
        }
    }

    /** The component as a person reads it: its purl, else the document's reference. */
    public String component() {
        return componentPurl != null ? componentPurl : componentRef;
    }
}
