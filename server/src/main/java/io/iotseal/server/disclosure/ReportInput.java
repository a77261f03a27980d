package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A vulnerability report as the public form or {@code POST /api/v1/labels/{id}/reports} sends it (ADR 0099).
 * {@code website} is the honeypot: people never see it, so a value there means a program filled the form.
 */
public record ReportInput(
        @Schema(description = "One line: what is wrong", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200)
        String summary,
        @Schema(description = "How to reproduce it and what it allows", requiredMode = Schema.RequiredMode.REQUIRED)
        String details,
        @Schema(description = "The affected product version, one of the product's versions") String affectedVersion,
        @Schema(description = "The reporter's name (optional)", maxLength = 200) String reporterName,
        @Schema(description = "The reporter's e-mail address (optional)", maxLength = 320) String reporterEmail,
        @Schema(description = "Whether the reporter believes it is being exploited now") Boolean activelyExploited,
        @Schema(description = "Whether the vendor and the operator may contact the reporter") Boolean consentToContact,
        @Schema(description = "Leave empty (a field for programs that fill every field)") String website) {
}
