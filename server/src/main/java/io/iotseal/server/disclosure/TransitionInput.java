package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A state change of a case (ADR 0099): the state to move to, the fixed version for FIXED and the reason for
 * REJECTED.
 */
public record TransitionInput(
        @Schema(description = "ACKNOWLEDGED, TRIAGED, FIX_IN_PROGRESS, FIXED, DISCLOSED, CLOSED or REJECTED",
                requiredMode = Schema.RequiredMode.REQUIRED) String state,
        @Schema(description = "The product version with the fix (FIXED only)") String fixedVersion,
        @Schema(description = "Why the report is rejected (REJECTED only)") String reason) {
}
