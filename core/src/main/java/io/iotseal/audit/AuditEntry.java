package io.iotseal.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of the audit chain: who changed what, when, the record before and after the change (as
 * canonical JSON, {@code null} for a creation or a deletion), the hash of the previous entry and this
 * entry's own hash over all of that, computed in the entry's {@code format} (ADR 0066: 1 sorted-keys
 * JSON, 2 RFC 8785).
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String entityType,
                         String entityId, String before, String after, String prevHash, String hash, int format) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(prevHash, "prevHash");
    }
}
