package io.iotseal.server.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The dispatcher's three short transactions (ADR 0081): fan out new events into deliveries, claim due
 * deliveries, record how attempts went. None is held while a receiver is being called.
 */
@Service
class DeliveryQueue {

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DeliveryQueue(DeliveryRepository deliveries, SubscriptionRepository subscriptions, NotificationProperties properties,
                  Clock clock, PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Makes the deliveries of up to {@code limit} new events; answers how many events it took. */
    int fanOut(int limit) {
        Integer n = transaction.execute(tx -> {
            var events = deliveries.lockUnfanned(limit);
            if (events.isEmpty()) {
                return 0;
            }
            List<Subscription> active = subscriptions.active();
            List<UUID[]> pairs = new ArrayList<>();
            for (EventRow e : events) {
                for (Subscription s : active) {
                    if (s.matches(e)) {
                        pairs.add(new UUID[]{e.id(), s.id()});
                    }
                }
            }
            deliveries.insertDeliveries(events, pairs, now());
            return events.size();
        });
        return n == null ? 0 : n;
    }

    /** Claims up to {@code limit} due deliveries for the lease. */
    List<Claimed> claim(int limit) {
        List<Claimed> claimed = transaction.execute(tx -> {
            OffsetDateTime now = now();
            List<UUID> ids = deliveries.lockDue(now, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            return deliveries.claim(ids, UUID.randomUUID(), now.plus(properties.lease()));
        });
        return claimed == null ? List.of() : claimed;
    }

    void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        transaction.executeWithoutResult(tx -> deliveries.record(outcomes, now, properties.maxAttempts(),
                o -> now.plus(backoff(o.attempt()))));
    }

    /**
     * Exponential back-off with jitter: the first retry after {@code firstRetry}, doubling per attempt up
     * to {@code maxRetry}, each drawn between half and all of that ("equal jitter"), so receivers that came
     * back are not hit by every queued retry at the same instant.
     */
    Duration backoff(int attempt) {
        long base = properties.firstRetry().toMillis();
        long cap = properties.maxRetry().toMillis();
        long exp = attempt >= 40 ? cap : Math.min(cap, base << Math.max(0, attempt - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
