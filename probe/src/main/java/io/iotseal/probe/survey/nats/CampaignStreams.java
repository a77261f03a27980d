package io.iotseal.probe.survey.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Creates a campaign's two streams and the workers' consumer; idempotent, so a restarted coordinator reuses them. */
final class CampaignStreams {
    /**
     * How long the streams remember message ids. It must outlast a coordinator restart (items published again)
     * and a redelivered item's re-publication (at most a few ack waits); ids cost memory only in the window.
     */
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(2);
    /**
     * Deliveries of one item before JetStream gives up on it; a killed worker costs one, a pause none (the
     * item is held). An item still failing after that shows as remaining in the status, not as lost.
     */
    static final long MAX_DELIVER = 20;

    private CampaignStreams() {
    }

    static void ensure(JetStreamManagement jsm, String campaign, Duration ackWait) {
        try {
            addIfMissing(jsm, StreamConfiguration.builder().name(SurveyNames.workStream(campaign))
                    .subjects(SurveyNames.workSubject(campaign))
                    // Work queue: an item leaves the stream when a worker acks it, so "remaining" is the count.
                    .retentionPolicy(RetentionPolicy.WorkQueue).storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW).build());
            addIfMissing(jsm, StreamConfiguration.builder().name(SurveyNames.resultsStream(campaign))
                    .subjects(SurveyNames.resultsSubject(campaign))
                    .retentionPolicy(RetentionPolicy.Limits).storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW).build());
            jsm.addOrUpdateConsumer(SurveyNames.workStream(campaign), ConsumerConfiguration.builder()
                    .durable(SurveyNames.WORKERS).ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.All)
                    .ackWait(ackWait).maxDeliver(MAX_DELIVER).filterSubject(SurveyNames.workSubject(campaign))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("create the streams of " + campaign, e);
        }
    }

    private static void addIfMissing(JetStreamManagement jsm, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        if (info(jsm, config.getName()) == null) {
            jsm.addStream(config);
        }
    }

    /** The stream's info, or null when it does not exist. */
    static StreamInfo info(JetStreamManagement jsm, String stream) throws IOException, JetStreamApiException {
        try {
            return jsm.getStreamInfo(stream);
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}
