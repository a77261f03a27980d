package io.iotseal.server.surveillance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A vendor's (or the operator's) triage of one vulnerability in one component, in VEX terms: NOT_AFFECTED
 * needs a justification, AFFECTED an action statement, FIXED the version that fixes it.
 *
 * @param vulnerability   the vulnerability id (CVE, GHSA, JVNDB, ...) as the finding shows it
 * @param component       the component's package URL as the SBOM lists it
 * @param status          NOT_AFFECTED, AFFECTED, FIXED or UNDER_INVESTIGATION
 * @param justification   for NOT_AFFECTED: a CycloneDX justification such as code_not_reachable
 * @param impactStatement for NOT_AFFECTED: why, in the vendor's words (optional)
 * @param actionStatement for AFFECTED: what users should do
 * @param fixedIn         for FIXED: the product version that fixes it; for AFFECTED: the update to install, if any
 */
public record TriageInput(@NotBlank @Size(max = 200) String vulnerability, @NotBlank @Size(max = 2000) String component,
                          @NotBlank String status, @Size(max = 64) String justification,
                          @Size(max = 4000) String impactStatement, @Size(max = 4000) String actionStatement,
                          @Size(max = 500) String fixedIn) {
}
