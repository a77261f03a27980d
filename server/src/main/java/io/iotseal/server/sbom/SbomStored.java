package io.iotseal.server.sbom;

import java.util.UUID;

/**
 * Published in the upload's transaction when a new SBOM has been stored, so that advisory matching
 * (ADR 0095) can key and match its components without the SBOM code knowing about advisories.
 */
public record SbomStored(UUID sbomId) {
}
