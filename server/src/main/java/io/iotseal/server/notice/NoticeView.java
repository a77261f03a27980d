package io.iotseal.server.notice;

import io.iotseal.server.web.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A notice as the API and the consoles show it (ADR 0100). {@code labelId}: the label's UUID; {@code labelCode}:
 * the id printed on it. Each kind's fields are null for the other kinds. {@code shortened} and
 * {@code endsBeforeExpiry} flag a support period change for the operator; {@code nameChange} links the name
 * change request (ADR 0067) a new legal name was filed as, with its state.
 */
public record NoticeView(UUID id, UUID labelId, String labelCode, UUID productId, String productName,
                         String vendorName, String kind, String state,
                         String firmwareVersion, LocalDate releaseDate, String changes, List<String> securityFixes,
                         String newLegalName, String newLegalNameJa, NameChangeLink nameChange, String newProductName,
                         String newModel, String vulnerabilityId, String status, String fixedVersion,
                         LocalDate newSupportEnd, LocalDate previousSupportEnd, boolean shortened,
                         boolean endsBeforeExpiry, LocalDate labelExpiry, String explanation,
                         String submittedBy, OffsetDateTime submittedAt, String acknowledgedBy,
                         OffsetDateTime acknowledgedAt, List<MessageView> messages, long version) implements Versioned {

    /** The name change request a new legal name was filed as; {@code state} PENDING, APPROVED or REJECTED. */
    public record NameChangeLink(UUID id, String state) {
    }

    /** One message of the clarification thread; {@code side} operator or vendor. */
    public record MessageView(String author, String side, String body, OffsetDateTime at) {
    }

    static NoticeView of(Notice n, List<Notice.Message> messages) {
        return new NoticeView(n.id(), n.label(), n.labelCode(), n.productId(), n.productName(), n.vendorName(),
                n.kind().code(), n.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), n.firmwareVersion(),
                n.releaseDate(), n.changes(), n.kind() == NoticeKind.FIRMWARE_UPDATE ? n.securityFixes() : null,
                n.newLegalName(), n.newLegalNameJa(),
                n.nameChangeId() == null ? null : new NameChangeLink(n.nameChangeId(), n.nameChangeState()),
                n.newProductName(), n.newModel(), n.vulnerabilityId(),
                n.vulnerabilityStatus() == null ? null : n.vulnerabilityStatus().toLowerCase(Locale.ROOT),
                n.fixedVersion(), n.newSupportEnd(), n.previousSupportEnd(), n.shortened(), n.endsBeforeExpiry(),
                n.labelExpiry(), n.explanation(), n.submittedBy(), n.submittedAt(), n.acknowledgedBy(),
                n.acknowledgedAt(), messages.stream().map(m -> new MessageView(m.author(),
                        m.side().toLowerCase(Locale.ROOT), m.body(), m.at())).toList(), n.version());
    }
}
