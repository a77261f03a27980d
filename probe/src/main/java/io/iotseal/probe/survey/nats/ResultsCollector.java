package io.iotseal.probe.survey.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a campaign's observations from its results stream with a durable consumer (so a restarted collector
 * goes on where it stopped), keeps one per address, and hands them in batches to a sink (a file, the registry
 * upload); messages are acked only after the sink returns, so a sink failure loses nothing. The duplicates it
 * drops are re-publications older than the stream's deduplication window, or ones met after a restart of the
 * collector (its memory of addresses is per run); the registry stores each (campaign, address) once as well.
 */
public final class ResultsCollector {
    /**
     * What a collection saw. {@code delivered} went to the sink; {@code duplicates} were dropped; {@code malformed}
     * messages (no JSON with an address: nothing a worker publishes) were dropped and are counted, not hidden.
     */
    public record Counts(long received, long delivered, long duplicates, long malformed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String campaign;
    private final JetStreamSubscription subscription;
    private final CampaignStore store;
    private final JetStreamManagement jsm;
    private final String durable;
    private final int batch;
    private final Set<String> seen = new HashSet<>();
    private long received;
    private long delivered;
    private long duplicates;
    private long malformed;

    /**
     * @param durable the consumer's name: each reader (a file export, the registry upload) has its own
     * @param batch   observations per sink call (the registry takes at most 5,000 lines per upload)
     */
    public ResultsCollector(Connection nc, String campaign, String durable, int batch) {
        this.campaign = campaign;
        this.durable = durable;
        this.batch = batch;
        try {
            this.jsm = nc.jetStreamManagement();
            JetStream js = nc.jetStream();
            jsm.addOrUpdateConsumer(SurveyNames.resultsStream(campaign), ConsumerConfiguration.builder().durable(durable)
                    .ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.All).ackWait(Duration.ofMinutes(5))
                    .filterSubject(SurveyNames.resultsSubject(campaign))
                    .maxAckPending(Math.max(1000, batch * 2L)).build());
            this.subscription = js.subscribe(SurveyNames.resultsSubject(campaign),
                    PullSubscribeOptions.bind(SurveyNames.resultsStream(campaign), durable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("read the results of " + campaign, e);
        }
        this.store = CampaignStore.open(nc, false);
    }

    /** Hands over what is in the stream now; returns the observations delivered by this call. */
    public long collectAvailable(Consumer<List<byte[]>> sink) {
        long before = delivered;
        while (true) {
            List<Message> messages = subscription.fetch(batch, Duration.ofMillis(500));
            if (messages.isEmpty()) {
                return delivered - before;
            }
            hand(messages, sink);
        }
    }

    /**
     * Collects until the campaign is DONE or CANCELLED and nothing is left in the stream, or until the timeout.
     */
    public Counts collectUntilEnd(Consumer<List<byte[]>> sink, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ended = store.state(campaign).map(CampaignState::isFinal).orElse(false);
            collectAvailable(sink);
            if (ended && pending() == 0) {
                return counts();
            }
            Thread.sleep(200);
        }
        return counts();
    }

    private void hand(List<Message> messages, Consumer<List<byte[]>> sink) {
        List<byte[]> fresh = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        long dropped = 0;
        long broken = 0;
        for (Message m : messages) {
            String address = address(m.getData());
            if (address == null) {
                broken++;
            } else if (seen.contains(address) || !inBatch.add(address)) {
                dropped++;
            } else {
                fresh.add(m.getData());
            }
        }
        try {
            if (!fresh.isEmpty()) {
                sink.accept(fresh);
            }
        } catch (RuntimeException e) {
            // The sink did not take them: nak, so they come again at once; nothing is marked seen or counted.
            messages.forEach(Message::nak);
            throw e;
        }
        seen.addAll(inBatch);
        received += messages.size();
        duplicates += dropped;
        malformed += broken;
        delivered += fresh.size();
        messages.forEach(Message::ack);
    }

    private static String address(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.path("address").isTextual() ? node.get("address").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private long pending() {
        try {
            var info = jsm.getConsumerInfo(SurveyNames.resultsStream(campaign), durable);
            return info.getNumPending() + info.getNumAckPending();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("read the collector's position", e);
        }
    }

    public Counts counts() {
        return new Counts(received, delivered, duplicates, malformed);
    }
}
