package io.iotseal.server.disclosure;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the reporter's capability link shows (ADR 0099): the report as sent, where it stands and the thread. The
 * vendor's and operator's people are named by their side only, not by their user names; nothing the vendor keeps
 * for itself (CVSS, CVE id before disclosure, links) is shown.
 */
public record ReporterView(String state, String labelId, String productName, String productVersion,
                           String vendorName, String summary, String details, String fixedVersion, String rejectReason,
                           OffsetDateTime receivedAt, OffsetDateTime linkExpiresAt, List<Message> messages,
                           List<String> attachments) {

    public record Message(String authorKind, String body, OffsetDateTime createdAt) {
    }
}
