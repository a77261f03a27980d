package io.iotseal.server.surveillance;

import io.iotseal.surveillance.TriageState;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored triage statement; the current one for a (vulnerability, component) has no {@code supersededAt}.
 * {@code operatorConfirmed} is true when the operator, not the vendor, made it (then it may be public
 * although the vendor never answered).
 */
public record TriageStatement(UUID id, UUID productId, UUID versionId, String vulnerability, String component,
                              TriageState status, String justification, String impactStatement,
                              String actionStatement, String fixedIn, String source, String sourceSha256,
                              String decidedBy, boolean operatorConfirmed, OffsetDateTime decidedAt,
                              OffsetDateTime supersededAt) {
}
