package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case's reporting deadlines at one instant (ADR 0101), apart from the case itself: they change with time while
 * the case's version (its ETag) does not, so they are never cached.
 */
public record CaseDeadlines(
        UUID caseId,
        @Schema(description = "The scheme of the case's label; its clocks, or the default ones when the data has none") String scheme,
        @Schema(description = "The dataVersion of the reporting clocks in use") int clocksDataVersion,
        @Schema(description = "The instant the states were computed at") OffsetDateTime computedAt,
        @Schema(description = "Whether any deadline is due soon or overdue") boolean needsAttention,
        List<CaseDeadline> deadlines) {
}
