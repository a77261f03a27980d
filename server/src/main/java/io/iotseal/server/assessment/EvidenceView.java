package io.iotseal.server.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A file attached to an assessment; {@code requirement} is null for one that concerns the whole assessment. */
public record EvidenceView(UUID id, String sha256, String fileName, String mediaType, long sizeBytes, EvidenceKind kind,
                           String requirement, String uploadedBy, OffsetDateTime uploadedAt) {
}
