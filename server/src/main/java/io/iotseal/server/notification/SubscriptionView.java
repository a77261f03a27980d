package io.iotseal.server.notification;

import io.iotseal.server.web.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A subscription as the API answers it. {@code secret} is present only in the answers that create or
 * rotate it (it is shown once); {@code previousSecretValidUntil} says until when the old one still signs.
 */
public record SubscriptionView(UUID id, UUID organizationId, String scope, String channel, String url, String email,
                               String locale, List<String> types, List<String> labelIds, List<UUID> vendorIds,
                               String secret, OffsetDateTime previousSecretValidUntil, String createdBy,
                               OffsetDateTime createdAt, long version) implements Versioned {

    static SubscriptionView of(Subscription s, String shownSecret) {
        return new SubscriptionView(s.id(), s.organizationId(), s.scope().name().toLowerCase(Locale.ROOT),
                s.channel().name().toLowerCase(Locale.ROOT), s.url(), s.email(), s.locale(), List.copyOf(s.types()),
                List.copyOf(s.labelIds()), List.copyOf(s.vendorIds()), shownSecret, s.previousSecretUntil(),
                s.createdBy(), s.createdAt(), s.version());
    }
}
