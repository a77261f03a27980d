package io.iotseal.server.notification;

import java.util.UUID;

/** A delivery this instance has claimed: its event, its subscription, which attempt this is, and the claim's id. */
record Claimed(UUID id, UUID claim, int attempt, EventRow event, Subscription subscription) {
}
