package io.iotseal.probe.survey.nats;

import io.iotseal.probe.survey.OptOutList;
import io.iotseal.probe.survey.SurveyScope;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts and steers survey campaigns on JetStream (ADR 0104): cuts the scope into work items on the campaign's
 * work-queue stream, keeps the campaign's scope and state in the bucket, answers the workers' permit requests
 * at the scope's rate, and marks the campaign DONE when every item is acknowledged. Keep it running while the
 * campaign runs: without it workers stall (no permits). Run one per campaign: two would each pace at the rate.
 */
public final class Coordinator implements AutoCloseable {
    /** Default ack wait: a killed worker's item goes to another worker after this; heartbeats keep live ones. */
    public static final Duration ACK_WAIT = Duration.ofSeconds(30);
    private static final int PUBLISH_WINDOW = 256;
    private static final int META_EVERY = 1000;

    private final Connection nc;
    private final JetStream js;
    private final JetStreamManagement jsm;
    private final CampaignStore store;
    private final Duration ackWait;
    private final Map<String, PermitService> pacers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "survey-monitor");
        t.setDaemon(true);
        return t;
    });

    public Coordinator(Connection nc, Duration ackWait) {
        try {
            this.nc = nc;
            this.js = nc.jetStream();
            this.jsm = nc.jetStreamManagement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.store = CampaignStore.open(nc, true);
        this.ackWait = ackWait;
    }

    /**
     * Starts a survey campaign: {@link #start(ScopeView, byte[])} with the signed-off scope and, when given, the
     * opt-out list file, checked here (a list that does not parse stops the campaign before any item exists) and
     * stored as text for the workers.
     */
    public CampaignStatus start(SurveyScope scope, Optional<Path> optOutFile) {
        byte[] optOut = new byte[0];
        if (optOutFile.isPresent()) {
            OptOutList.read(optOutFile.get());
            try {
                optOut = Files.readAllBytes(optOutFile.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return start(ProbeBackend.view(scope), optOut);
    }

    /**
     * Registers the campaign (or finds it registered with the same scope), serves its permits and publishes its
     * work items. Idempotent: a restarted coordinator goes on where the last one stopped publishing.
     *
     * @param optOut the opt-out list's text, stored for the workers; empty for none
     * @throws IllegalStateException when the campaign id is registered with a different scope
     */
    public CampaignStatus start(ScopeView scope, byte[] optOut) {
        String id = scope.id();
        if (!store.create(SurveyNames.scopeKey(id), scope.canonicalJson())
                && !java.util.Arrays.equals(store.get(SurveyNames.scopeKey(id)).orElseThrow(), scope.canonicalJson())) {
            throw new IllegalStateException("campaign " + id + " runs with another scope; a new scope needs a new"
                    + " campaign id");
        }
        long items = scope.itemCount();
        store.create(SurveyNames.metaKey(id), new CampaignMeta(scope.sha256(), items, 0, scope.addressCount(),
                scope.rate(), ackWait).toJson());
        store.create(SurveyNames.optOutKey(id), optOut);
        CampaignStreams.ensure(jsm, id, meta(id).ackWait());
        store.create(SurveyNames.stateKey(id), CampaignState.RUNNING.name().getBytes(StandardCharsets.UTF_8));
        serve(id);
        if (!store.state(id).orElseThrow().isFinal()) {
            publishItems(scope, meta(id));
        }
        return status(id);
    }

    /** Serves the permits of an existing campaign and watches for its end (a coordinator restarted mid-campaign). */
    public void serve(String campaign) {
        CampaignMeta meta = meta(campaign);
        pacers.computeIfAbsent(campaign, c -> {
            monitor.scheduleWithFixedDelay(() -> watch(c), 1, 1, TimeUnit.SECONDS);
            return new PermitService(nc, c, meta.rate());
        });
    }

    private void publishItems(ScopeView scope, CampaignMeta meta) {
        String id = scope.id();
        String subject = SurveyNames.workSubject(id);
        long sequence = meta.itemsPublished();
        List<CompletableFuture<PublishAck>> window = new ArrayList<>();
        Iterator<String> ranges = scope.ranges().skip(sequence).iterator();
        while (ranges.hasNext()) {
            sequence++;
            WorkItem item = new WorkItem(id, sequence, ranges.next(), scope.sha256());
            window.add(js.publishAsync(subject, item.toJson(),
                    PublishOptions.builder().messageId(SurveyNames.itemMessageId(id, sequence)).build()));
            if (window.size() >= PUBLISH_WINDOW) {
                awaitAll(window);
            }
            if (sequence % META_EVERY == 0) {
                awaitAll(window);
                store.put(SurveyNames.metaKey(id), meta.withPublished(sequence).toJson());
            }
        }
        awaitAll(window);
        store.put(SurveyNames.metaKey(id), meta.withPublished(sequence).toJson());
    }

    private static void awaitAll(List<CompletableFuture<PublishAck>> futures) {
        for (CompletableFuture<PublishAck> f : futures) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw NatsFailure.of("publish a work item", e);
            }
        }
        futures.clear();
    }

    public void pause(String campaign) {
        store.transition(campaign, List.of(CampaignState.RUNNING), CampaignState.PAUSED);
    }

    public void resume(String campaign) {
        store.transition(campaign, List.of(CampaignState.PAUSED), CampaignState.RUNNING);
    }

    /** Cancels the campaign: workers drop their items, and the items nobody took are purged. */
    public void cancel(String campaign) {
        if (store.transition(campaign, List.of(CampaignState.RUNNING, CampaignState.PAUSED), CampaignState.CANCELLED)
                == CampaignState.CANCELLED) {
            try {
                jsm.purgeStream(SurveyNames.workStream(campaign));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JetStreamApiException e) {
                throw NatsFailure.of("purge the items of " + campaign, e);
            }
        }
    }

    /** The campaign's progress from the streams; also written to the bucket as {@code <campaign>.progress}. */
    public CampaignStatus status(String campaign) {
        CampaignMeta meta = meta(campaign);
        CampaignState state = store.state(campaign).orElseThrow();
        try {
            StreamInfo work = CampaignStreams.info(jsm, SurveyNames.workStream(campaign));
            StreamInfo results = CampaignStreams.info(jsm, SurveyNames.resultsStream(campaign));
            long inFlight = jsm.getConsumerInfo(SurveyNames.workStream(campaign), SurveyNames.WORKERS).getNumAckPending();
            return new CampaignStatus(campaign, state, meta.items(), meta.itemsPublished(),
                    work == null ? 0 : work.getStreamState().getMsgCount(), inFlight,
                    results == null ? 0 : results.getStreamState().getMsgCount(), meta.addresses());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("read the progress of " + campaign, e);
        }
    }

    /** Permits this coordinator granted for the campaign: every worker's connection attempts together. */
    public long permitsGranted(String campaign) {
        PermitService service = pacers.get(campaign);
        return service == null ? 0 : service.granted();
    }

    /** Waits until the campaign is DONE or CANCELLED; false on timeout. */
    public boolean awaitEnd(String campaign, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            watch(campaign);
            if (store.state(campaign).orElseThrow().isFinal()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void watch(String campaign) {
        try {
            CampaignStatus s = status(campaign);
            store.put(SurveyNames.progressKey(campaign), ("{\"itemsDone\":" + s.itemsDone() + ",\"items\":" + s.items()
                    + ",\"observations\":" + s.observations() + "}").getBytes(StandardCharsets.UTF_8));
            if (s.state() == CampaignState.RUNNING && s.itemsPublished() == s.items() && s.itemsRemaining() == 0) {
                store.transition(campaign, List.of(CampaignState.RUNNING), CampaignState.DONE);
            }
        } catch (RuntimeException e) {
            // A reconnect; the next round tries again.
        }
    }

    CampaignMeta meta(String campaign) {
        return CampaignMeta.fromJson(store.get(SurveyNames.metaKey(campaign))
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaign)));
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        pacers.values().forEach(PermitService::close);
        pacers.clear();
    }
}
