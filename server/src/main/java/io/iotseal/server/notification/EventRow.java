package io.iotseal.server.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An outbox row as the dispatcher reads it. {@code operatorCopy} false keeps it from the operator's subscriptions
 * (a vulnerability report its scheme's data routes to the vendor alone, ADR 0102).
 */
record EventRow(UUID id, String type, String subject, UUID vendorId, UUID labId, String labelId, boolean publicEvent,
                String data, OffsetDateTime occurredAt, boolean operatorCopy) {
}
