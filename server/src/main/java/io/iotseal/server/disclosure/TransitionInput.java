package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A state change of a case (ADR 0099): the state to move to, the fixed version for FIXED, the reason for
 * REJECTED, and for DISCLOSED the public advisory's title, description and affected versions (ADR 0103).
 */
public record TransitionInput(
        @Schema(description = "ACKNOWLEDGED, TRIAGED, FIX_IN_PROGRESS, FIXED, DISCLOSED, CLOSED or REJECTED",
                requiredMode = Schema.RequiredMode.REQUIRED) String state,
        @Schema(description = "The product version with the fix (FIXED only)") String fixedVersion,
        @Schema(description = "Why the report is rejected (REJECTED only)") String reason,
        @Schema(description = "DISCLOSED only: the published advisory's title") String advisoryTitle,
        @Schema(description = "DISCLOSED only: the vulnerability as the public advisory describes it")
        String advisoryDescription,
        @Schema(description = "DISCLOSED only: the affected product versions (default: the reported version)")
        List<String> affectedVersions) {

    /** A change that is not a disclosure. */
    public TransitionInput(String state, String fixedVersion, String reason) {
        this(state, fixedVersion, reason, null, null, null);
    }
}
