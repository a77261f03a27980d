package io.iotseal.probe.survey.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A survey worker ({@code iotseal probe worker --nats URL}): finds the campaigns in the bucket, takes one work
 * item at a time from a running campaign's shared consumer and probes it ({@link ItemRun}); the next item is taken
 * when every address of the last one has started, so at most {@code parallel} addresses are in flight. Any number of
 * workers on any number of machines share the work; the coordinator's permits pace them all together.
 */
public final class Worker implements Runnable, AutoCloseable {
    private static final Duration FETCH_WAIT = Duration.ofMillis(500);
    private static final long CAMPAIGN_LIST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Connection nc;
    private final JetStream js;
    /** Null until the campaign bucket exists: a worker may start on a NATS server before any campaign. */
    private volatile CampaignStore store;
    private final SurveyBackend backend;
    private final int parallel;
    /** Addresses in flight on this worker, across the items it holds. */
    private final Semaphore slots;
    private final String name;
    private final Clock clock;
    private final Map<String, CampaignRun> campaigns = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "survey-worker-timer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong itemsDone = new AtomicLong();
    private final AtomicLong itemsRefused = new AtomicLong();
    private volatile boolean running = true;
    private long listedAt = Long.MIN_VALUE / 2;

    /**
     * @param parallel addresses probed at the same time
     * @param name     recorded in every observation as the worker (e.g. host/pid)
     */
    public Worker(Connection nc, SurveyBackend backend, int parallel, String name, Clock clock) {
        try {
            this.js = nc.jetStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.nc = nc;
        this.store = openStore();
        this.backend = backend;
        this.parallel = parallel;
        this.slots = new Semaphore(parallel);
        this.name = name;
        this.clock = clock;
        // Pause, resume and cancel reach items in flight within this period.
        timers.scheduleWithFixedDelay(this::refreshStates, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!takeOne()) {
                    Thread.sleep(FETCH_WAIT.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // NATS reconnecting, a campaign deleted under us: log, wait, go on; the items are safe in JetStream.
                System.err.println("survey worker " + name + ": " + e);
                sleepQuietly();
            }
        }
    }

    /** Takes and runs one item from any running campaign; false when there was none. */
    boolean takeOne() throws InterruptedException {
        listCampaigns();
        for (CampaignRun campaign : new ArrayList<>(campaigns.values())) {
            if (!running) {
                return false;
            }
            if (campaign.state != CampaignState.RUNNING || !campaign.scope.inWindow(clock.instant())) {
                continue;
            }
            List<Message> messages;
            try {
                messages = campaign.work.fetch(1, FETCH_WAIT);
            } catch (IllegalStateException e) {
                continue; // the stream was purged or deleted (cancel)
            }
            for (Message message : messages) {
                CountDownLatch dispatched = new CountDownLatch(1);
                Thread.ofVirtual().name("item").start(() -> {
                    try {
                        ItemRun.Outcome outcome = new ItemRun(campaign, js, store, timers, slots, dispatched::countDown,
                                clock).run(message);
                        (outcome == ItemRun.Outcome.REFUSED ? itemsRefused : itemsDone).incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        // Not acked: JetStream redelivers the item after the ack wait.
                        System.err.println("survey worker " + name + ": item failed: " + e);
                    } finally {
                        dispatched.countDown();
                    }
                });
                // The next item only when this one's addresses have all started: one item at a time is taken.
                dispatched.await();
                return true;
            }
        }
        return false;
    }

    private void listCampaigns() {
        long now = System.nanoTime();
        if (now - listedAt < CAMPAIGN_LIST_EVERY_NANOS) {
            return;
        }
        listedAt = now;
        if (store == null && (store = openStore()) == null) {
            return;
        }
        for (String id : store.campaigns()) {
            if (campaigns.containsKey(id) || store.state(id).map(CampaignState::isFinal).orElse(true)) {
                continue;
            }
            try {
                campaigns.put(id, new CampaignRun(nc, js, store, backend, id, parallel, name));
            } catch (RuntimeException e) {
                // A campaign being set up (streams not there yet) or with a broken scope: try again later.
                System.err.println("survey worker " + name + ": campaign " + id + " not joined: " + e.getMessage());
            }
        }
    }

    /**
     * The campaign bucket, or null while it does not exist: the first coordinator creates it, and workers are
     * often started first, before any campaign, on a fresh server. Looked for again at every campaign listing.
     */
    private CampaignStore openStore() {
        try {
            return nc.keyValueManagement().getBucketNames().contains(SurveyNames.BUCKET) ? CampaignStore.open(nc, false) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.nats.client.JetStreamApiException e) {
            throw NatsFailure.of("list the buckets", e);
        }
    }

    private void refreshStates() {
        for (CampaignRun campaign : campaigns.values()) {
            try {
                store.state(campaign.id).ifPresent(s -> campaign.state = s);
                if (campaign.state.isFinal()) {
                    campaigns.remove(campaign.id);
                    campaign.work.unsubscribe();
                    campaign.observer.close();
                }
            } catch (RuntimeException e) {
                // Reconnecting; the state is read again in 200 ms.
            }
        }
    }

    public long itemsDone() {
        return itemsDone.get();
    }

    public long itemsRefused() {
        return itemsRefused.get();
    }

    /** Stops taking items; the item in hand finishes. */
    public void stop() {
        running = false;
    }

    @Override
    public void close() {
        stop();
        timers.shutdownNow();
        campaigns.values().forEach(c -> c.observer.close());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
