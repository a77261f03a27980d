package io.iotseal.server.disclosure;

import io.iotseal.server.web.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case as its vendor's people and the operator see it (ADR 0099), with its ETag version. {@code severity} is the
 * rating the CVSS vector scores to (null without one). The reporter sees less: {@link ReporterView}.
 */
public record CaseView(UUID id, long version, String state, UUID label, String labelId, UUID productId,
                       String productName, UUID versionId, String productVersion, UUID vendorId, String vendorName,
                       String summary, String details, String reporterName, String reporterEmail,
                       boolean reporterConsents, boolean reportedExploited, boolean activelyExploited, String cveId,
                       String cvssVector, String severity, LocalDate embargoUntil, String fixedVersion,
                       String rejectReason, Moments moments, int liveLinks, List<Message> messages,
                       List<Attachment> attachments) implements Versioned {

    /**
     * The moments the legal clocks start from (CRA Article 14, BSI-ITSiKV §7), each null until it happened. The
     * deadline computation reads them; this package sets them when the state change or flag that defines them
     * happens, or when the vendor records it ({@link CaseMoment}).
     */
    public record Moments(OffsetDateTime receivedAt, OffsetDateTime acknowledgedAt, OffsetDateTime triagedAt,
                          OffsetDateTime exploitationKnownAt, OffsetDateTime severeIncidentKnownAt,
                          OffsetDateTime correctiveMeasureAt, OffsetDateTime earlyWarningAt,
                          OffsetDateTime notificationAt, OffsetDateTime finalReportAt, OffsetDateTime fixedAt,
                          OffsetDateTime disclosedAt, OffsetDateTime closedAt, OffsetDateTime updatedAt) {
    }

    /** One message of the thread; {@code author} is the user's name for the vendor's and operator's people. */
    public record Message(UUID id, String authorKind, String author, String body, OffsetDateTime createdAt) {
    }

    public record Attachment(UUID id, String fileName, String mediaType, long sizeBytes, String sha256,
                             String authorKind, OffsetDateTime uploadedAt) {
    }

    /** A line of the vendor's or operator's list. */
    public record Summary(UUID id, String state, String labelId, String productName, String productVersion,
                          String vendorName, String summary, boolean activelyExploited, OffsetDateTime receivedAt,
                          OffsetDateTime updatedAt) {
    }
}
