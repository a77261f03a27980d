package io.iotseal.server.surveillance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A surveillance proposal with its evidence, as the operator (and, during the hearing, the vendor) sees it.
 * {@code labelId} is the public label id; {@code label} the label record's UUID for the status actions.
 */
public record ProposalView(UUID id, UUID label, String labelId, String scheme, String productName, UUID versionId,
                           String productVersion, String ruleId, String action, String vulnerability, String component,
                           String triageState, String severity, LocalDate kevAdded, OffsetDateTime since,
                           OffsetDateTime due, String state, OffsetDateTime hearingEnds, String vendorComment,
                           String decidedBy, OffsetDateTime decidedAt, String decisionNote, OffsetDateTime createdAt,
                           UUID vendorId) {
}
