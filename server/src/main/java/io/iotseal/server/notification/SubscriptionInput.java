package io.iotseal.server.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A new subscription (ADR 0082).
 *
 * @param organizationId whose subscription; may be left out when the caller can subscribe for one organization only
 * @param channel        {@code webhook} or {@code email}
 * @param url            the webhook's https URL (http only to a loopback address)
 * @param email          the e-mail channel's address
 * @param locale         the e-mail's language, {@code en} (default) or {@code ja}
 * @param types          event types (codes such as {@code label.suspended}); none: all the scope allows
 * @param labelIds       labels (public ids) to follow; with {@code vendorIds}, either matches
 * @param vendorIds      vendors whose labels to follow
 */
public record SubscriptionInput(UUID organizationId, @NotBlank String channel, @Size(max = 2000) String url,
                                @Size(max = 320) String email, String locale, @Size(max = 20) List<String> types,
                                @Size(max = 1000) List<String> labelIds, @Size(max = 100) List<UUID> vendorIds) {
}
