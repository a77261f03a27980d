package io.iotseal.server.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row as the dispatcher reads it. */
record EventRow(UUID id, String type, String subject, UUID vendorId, UUID labId, String labelId, boolean publicEvent,
                String data, OffsetDateTime occurredAt) {
}
