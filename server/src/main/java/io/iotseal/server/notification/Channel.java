package io.iotseal.server.notification;

/** How a subscription is told. */
enum Channel {
    WEBHOOK, EMAIL
}
