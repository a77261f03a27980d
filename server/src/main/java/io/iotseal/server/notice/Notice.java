package io.iotseal.server.notice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored notice (V31, ADR 0100) with what the pages show of its label: the printed label id, the label's
 * expiry, product and vendor names, and the state of the linked name change. A kind's fields are null for the
 * other kinds.
 */
record Notice(UUID id, UUID label, UUID productId, UUID vendorId, NoticeKind kind, NoticeState state,
              String firmwareVersion, LocalDate releaseDate, String changes, List<String> securityFixes,
              String newLegalName, String newLegalNameJa, UUID nameChangeId, String newProductName, String newModel,
              String vulnerabilityId, String vulnerabilityStatus, String fixedVersion,
              LocalDate newSupportEnd, LocalDate previousSupportEnd, String explanation,
              String submittedBy, OffsetDateTime submittedAt, String acknowledgedBy, OffsetDateTime acknowledgedAt,
              OffsetDateTime updatedAt, long version,
              String labelCode, LocalDate labelExpiry, String productName, String vendorName, String nameChangeState) {

    /** The vendor shortens the support period: the page says so and the operator sees it flagged. */
    boolean shortened() {
        return newSupportEnd != null && previousSupportEnd != null && newSupportEnd.isBefore(previousSupportEnd);
    }

    /** The new support end comes before the label's expiry, which a label never outlives (core LabelIssuer). */
    boolean endsBeforeExpiry() {
        return newSupportEnd != null && labelExpiry != null && newSupportEnd.isBefore(labelExpiry);
    }

    record Message(UUID id, String author, String side, String body, OffsetDateTime at) {
    }
}
