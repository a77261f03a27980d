package io.iotseal.probe.survey.nats;

import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Probes the addresses of one work item and settles the item (ADR 0104): ack only after every observation's
 * publication is acknowledged by the results stream; in-progress heartbeats so a long item is not redelivered
 * while it runs; refusal (term, never redelivered) of an item that the campaign's scope does not cover.
 */
final class ItemRun {
    /** How the item ended, for the worker's counts and the tests. */
    enum Outcome { DONE, REFUSED, CANCELLED, RETRY }

    /** No coordinator cuts items this large (a /16); a forged one must not make a worker hold millions. */
    static final int MAX_ADDRESSES = 65_536;

    private final CampaignRun campaign;
    private final JetStream js;
    private final CampaignStore store;
    private final ScheduledExecutorService heartbeats;
    private final Semaphore slots;
    private final Runnable dispatched;
    private final Clock clock;

    /**
     * @param slots      the worker's address slots, shared by the items it holds
     * @param dispatched called once every address of the item has started (or the item ended): the worker then
     *                   takes its next item, so the tail of one item overlaps the start of the next and the
     *                   worker's slots stay busy
     */
    ItemRun(CampaignRun campaign, JetStream js, CampaignStore store, ScheduledExecutorService heartbeats,
            Semaphore slots, Runnable dispatched, Clock clock) {
        this.campaign = campaign;
        this.js = js;
        this.store = store;
        this.heartbeats = heartbeats;
        this.slots = slots;
        this.dispatched = dispatched;
        this.clock = clock;
    }

    Outcome run(Message message) throws InterruptedException {
        try {
            return settle(message);
        } finally {
            dispatched.run();
        }
    }

    private Outcome settle(Message message) throws InterruptedException {
        WorkItem item;
        List<InetAddress> addresses = new ArrayList<>();
        try {
            item = WorkItem.fromJson(message.getData());
            refuseUnless(item.campaign().equals(campaign.id), "item of campaign " + item.campaign());
            refuseUnless(item.scopeSha256().equals(campaign.scopeSha256), "item cut from another scope ("
                    + item.scopeSha256() + ")");
            for (InetAddress a : campaign.scope.addresses(item.range())) {
                refuseUnless(campaign.scope.covers(a), a.getHostAddress() + " is outside the scope");
                refuseUnless(addresses.size() < MAX_ADDRESSES, "more than " + MAX_ADDRESSES + " addresses in one item");
                addresses.add(a);
            }
        } catch (IllegalArgumentException refused) {
            return refuse(message, refused.getMessage());
        }
        // Heartbeats at a third of the ack wait: two may be lost before JetStream gives the item to another worker.
        long beat = Math.max(100, campaign.meta.ackWait().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(message::inProgress, beat, beat, TimeUnit.MILLISECONDS);
        try {
            return probe(message, item, addresses);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private Outcome probe(Message message, WorkItem item, List<InetAddress> addresses) throws InterruptedException {
        List<CompletableFuture<PublishAck>> published = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        String subject = SurveyNames.resultsSubject(campaign.id);
        Outcome stopped = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (InetAddress address : addresses) {
                stopped = waitWhilePaused();
                if (stopped != null || failure.get() != null) {
                    break;
                }
                slots.acquire();
                pool.submit(() -> {
                    try {
                        byte[] observation = campaign.observer.observe(address);
                        CompletableFuture<PublishAck> ack = js.publishAsync(subject, observation, PublishOptions.builder()
                                .messageId(SurveyNames.observationMessageId(campaign.id, address.getHostAddress())).build());
                        synchronized (published) {
                            published.add(ack);
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
            dispatched.run();
        } // waits for the addresses in flight: a pause or cancel lets them finish and publish
        if (stopped == Outcome.CANCELLED) {
            message.term();
            return Outcome.CANCELLED;
        }
        if (stopped == Outcome.RETRY || failure.get() != null) {
            // The window closed or an observation failed: the item goes back, later, whole; its published
            // addresses are deduplicated when they come again.
            message.nakWithDelay(Duration.ofSeconds(5));
            return Outcome.RETRY;
        }
        for (CompletableFuture<PublishAck> ack : published) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                message.nakWithDelay(Duration.ofSeconds(1));
                return Outcome.RETRY;
            }
        }
        try {
            message.ackSync(Duration.ofSeconds(10));
        } catch (java.util.concurrent.TimeoutException e) {
            // Not confirmed: the item may come again, and its observations are deduplicated then.
        }
        return Outcome.DONE;
    }

    /** Holds the item while the campaign is paused; null to go on, CANCELLED or RETRY (window closed) to stop. */
    private Outcome waitWhilePaused() throws InterruptedException {
        while (true) {
            CampaignState state = campaign.state;
            if (state == CampaignState.CANCELLED) {
                return Outcome.CANCELLED;
            }
            if (!campaign.scope.inWindow(clock.instant())) {
                return Outcome.RETRY;
            }
            if (state != CampaignState.PAUSED) {
                return null;
            }
            // Held, but the worker is free to serve other campaigns meanwhile.
            dispatched.run();
            Thread.sleep(100);
        }
    }

    private Outcome refuse(Message message, String why) {
        message.term();
        long sequence = message.metaData().streamSequence();
        store.put(SurveyNames.refusedKey(campaign.id, sequence), why.getBytes(StandardCharsets.UTF_8));
        System.err.println("survey worker: refused item " + sequence + " of " + campaign.id + ": " + why);
        return Outcome.REFUSED;
    }

    private static void refuseUnless(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }
}
