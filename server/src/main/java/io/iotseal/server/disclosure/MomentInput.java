package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A moment the vendor records (see {@link CaseMoment}, which alone lists them: the OpenAPI description takes its
 * values from there); {@code at} defaults to now and may not be in the future.
 */
public record MomentInput(
        @Schema(implementation = CaseMoment.class, description = "Which moment (case-insensitive)",
                requiredMode = Schema.RequiredMode.REQUIRED) String moment,
        @Schema(description = "When it happened; now when left out") OffsetDateTime at) {
}
