package io.iotseal.server.assessment;

import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Route;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The assessment table's row: what the service reads before deciding anything. */
record AssessmentRow(UUID id, UUID productId, UUID vendorId, String productVersion, String target, Route route,
                     AssessmentState state, String profileJson, UUID labId, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt, long version) {
}
