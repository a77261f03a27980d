package io.iotseal.server.notification;

import io.iotseal.server.event.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox (ADR 0081), at least once: one loop per instance fans new events out into
 * deliveries, claims due ones (never those another instance holds), hands each to its channel without
 * waiting, and records the outcomes in batches. At most {@code concurrency} deliveries are in flight;
 * a slow or dead receiver holds one of those slots for at most its timeouts, never a transaction or
 * the change that caused the event. If the instance dies, its claims come due again after the lease.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryQueue queue;
    private final WebhookSender webhooks;
    private final EmailSender mail;
    private final NotificationProperties properties;
    private final Semaphore slots;
    private final Semaphore wake = new Semaphore(0);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    /** Set when a transaction on this instance recorded events: fan out at once rather than at the next poll. */
    private volatile boolean eventsCommitted;
    private boolean fanOutFull;
    private long lastFanOut;
    private Thread loop;

    Dispatcher(DeliveryQueue queue, WebhookSender webhooks, EmailSender mail, NotificationProperties properties,
               Outbox outbox) {
        this.queue = queue;
        this.webhooks = webhooks;
        this.mail = mail;
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency());
        outbox.afterCommit(() -> {
            eventsCommitted = true;
            wakeUp();
        });
    }

    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !properties.dispatcher()) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().daemon().name("iotseal-dispatcher").start(this::run);
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = loop;
        }
        if (t != null) {
            wakeUp();
            try {
                t.join(properties.requestTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                boolean busy = step();
                if (!busy) {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // The database is down or a query failed: nothing is lost (rows stay due), try again later.
                log.warn("notification dispatcher: {}", e.toString());
                sleepQuietly();
            }
        }
        // Let what is in flight finish (bounded by the timeouts) and record it, so fewer are sent twice.
        try {
            slots.tryAcquire(properties.concurrency(), properties.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recordOutcomes();
    }

    /**
     * One round; true when there was work, so the loop goes on at once. Claims and outcomes go in
     * batches: while more than half the slots are busy the loop waits for answers rather than claiming
     * one delivery per freed slot, since each claim and each record is a commit of its own.
     */
    boolean step() throws InterruptedException {
        if (slots.availablePermits() < (properties.concurrency() + 1) / 2) {
            wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        boolean busy = recordOutcomes() > 0;
        long now = System.nanoTime();
        if (eventsCommitted || fanOutFull || now - lastFanOut > properties.pollInterval().toNanos()) {
            eventsCommitted = false;
            lastFanOut = now;
            fanOutFull = queue.fanOut(properties.batchSize()) >= properties.batchSize();
            busy |= fanOutFull;
        }
        int free = slots.availablePermits();
        List<Claimed> claimed = queue.claim(Math.min(free, properties.batchSize()));
        for (Claimed c : claimed) {
            slots.acquire();
            CompletableFuture<Outcome> attempt;
            try {
                attempt = c.subscription() == null || !c.subscription().active()
                        ? CompletableFuture.completedFuture(Outcome.failed(c, 0, "the subscription has ended"))
                        : switch (c.subscription().channel()) {
                            case WEBHOOK -> webhooks.send(c);
                            case EMAIL -> mail.send(c);
                        };
            } catch (RuntimeException e) {
                attempt = CompletableFuture.completedFuture(Outcome.failed(c, 0, e.toString()));
            }
            attempt.whenComplete((outcome, error) -> {
                outcomes.add(outcome != null ? outcome : Outcome.failed(c, 0, String.valueOf(error)));
                slots.release();
                wakeUp();
            });
        }
        return busy || !claimed.isEmpty();
    }

    private int recordOutcomes() {
        List<Outcome> batch = new ArrayList<>();
        Outcome o;
        while ((o = outcomes.poll()) != null) {
            batch.add(o);
        }
        if (!batch.isEmpty()) {
            try {
                queue.record(batch);
            } catch (RuntimeException e) {
                // Not recorded: the claims run out and the deliveries are sent again (at least once).
                log.warn("notification dispatcher: outcomes of {} deliveries not recorded: {}", batch.size(), e.toString());
            }
        }
        return batch.size();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
