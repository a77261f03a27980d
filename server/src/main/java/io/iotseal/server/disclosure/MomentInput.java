package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A moment the vendor records (see {@link CaseMoment}); {@code at} defaults to now and may not be in the future. */
public record MomentInput(
        @Schema(description = "SEVERE_INCIDENT_KNOWN, EARLY_WARNING_SENT, NOTIFICATION_SENT or FINAL_REPORT_SENT",
                requiredMode = Schema.RequiredMode.REQUIRED) String moment,
        @Schema(description = "When it happened; now when left out") OffsetDateTime at) {
}
