package io.iotseal.server.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Published when the operator accepts an assessment, inside the accepting transaction. Label
 * issuance (issue 5) listens for it (e.g. with {@code @TransactionalEventListener}) to issue the label.
 */
public record AssessmentAccepted(UUID assessmentId, UUID productId, String productVersion, String target,
                                 OffsetDateTime acceptedAt, String acceptedBy) {
}
