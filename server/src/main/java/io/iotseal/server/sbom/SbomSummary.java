package io.iotseal.server.sbom;

import io.iotseal.sbom.SbomFormat;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An SBOM attached to a product version, without its components. */
public record SbomSummary(UUID id, UUID productId, UUID versionId, String sha256, SbomFormat format, String mediaType,
                          String specVersion, long sizeBytes, int componentCount, int warningCount, String uploadedBy,
                          OffsetDateTime uploadedAt) {
}
