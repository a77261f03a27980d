package io.iotseal.server.notification;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A subscription row. Filters narrow the scope: an event matches when its type is among {@code types}
 * (or none are given) and, if labels or vendors were chosen, its label is one of {@code labelIds} or its
 * vendor one of {@code vendorIds} (the chosen labels plus every label of the chosen vendors).
 */
record Subscription(UUID id, UUID organizationId, Scope scope, Channel channel, String url, String email, String locale,
                    Set<String> types, Set<String> labelIds, Set<UUID> vendorIds, String secret, String previousSecret,
                    OffsetDateTime previousSecretUntil, boolean active, String createdBy, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt, long version) {

    boolean matches(EventRow e) {
        if (!active) {
            return false;
        }
        boolean inScope = switch (scope) {
            case ALL -> e.operatorCopy();
            case VENDOR -> organizationId.equals(e.vendorId());
            case LAB -> organizationId.equals(e.labId());
            case PUBLIC -> e.publicEvent();
        };
        if (!inScope || (!types.isEmpty() && !types.contains(e.type()))) {
            return false;
        }
        if (labelIds.isEmpty() && vendorIds.isEmpty()) {
            return true;
        }
        return (e.labelId() != null && labelIds.contains(e.labelId()))
                || (e.vendorId() != null && vendorIds.contains(e.vendorId()));
    }
}
