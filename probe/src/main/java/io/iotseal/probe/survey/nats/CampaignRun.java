package io.iotseal.probe.survey.nats;

import io.iotseal.probe.net.RateLimiter;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PullSubscribeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A worker's view of one campaign: the scope as read from the bucket (its SHA-256 computed here, from the bytes,
 * so the check of each item does not trust any stored hash), the observer, the subscription to the shared
 * consumer, and the state, refreshed by the worker while items run.
 */
final class CampaignRun {
    final String id;
    final ScopeView scope;
    final String scopeSha256;
    final CampaignMeta meta;
    final AddressObserver observer;
    final JetStreamSubscription work;
    volatile CampaignState state;

    CampaignRun(Connection nc, JetStream js, CampaignStore store, SurveyBackend backend, String id, int parallel,
                String worker) {
        this.id = id;
        byte[] json = store.get(SurveyNames.scopeKey(id)).orElseThrow(() -> new IllegalStateException("no scope for " + id));
        this.scope = backend.scope(json);
        this.scopeSha256 = sha256(json);
        if (!scope.id().equals(id) || !scope.sha256().equals(scopeSha256)) {
            throw new IllegalStateException("the scope stored for " + id + " is not that campaign's scope");
        }
        this.meta = CampaignMeta.fromJson(store.get(SurveyNames.metaKey(id)).orElseThrow());
        byte[] optOut = store.get(SurveyNames.optOutKey(id)).orElse(new byte[0]);
        this.observer = backend.observer(scope, optOut, new RateLimiter(new NatsPermits(nc, id)), parallel, worker);
        this.state = store.state(id).orElseThrow();
        try {
            this.work = js.subscribe(SurveyNames.workSubject(id),
                    PullSubscribeOptions.bind(SurveyNames.workStream(id), SurveyNames.WORKERS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JetStreamApiException e) {
            throw NatsFailure.of("subscribe to the items of " + id, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
