package io.iotseal.probe.survey.nats;

import io.iotseal.probe.net.RateLimiter;
import io.nats.client.Connection;
import io.nats.client.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A worker's side of the global rate limit: one request per connection attempt to the coordinator's
 * {@link PermitService}. Without an answer (no coordinator, no connection) it asks again and again: a worker
 * stalls rather than probes unpaced.
 */
final class NatsPermits implements RateLimiter.PermitSource {
    /** Long enough for a queue of every worker's parallel probes at low rates; the service drops expired asks. */
    static final Duration ASK = Duration.ofSeconds(10);
    private final Connection nc;
    private final String subject;
    private final byte[] body;

    NatsPermits(Connection nc, String campaign) {
        this.nc = nc;
        this.subject = SurveyNames.permitSubject(campaign);
        // Tell the service how long this ask is good for, minus a margin for the trip back.
        this.body = Long.toString(ASK.toMillis() - 500).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void take() throws InterruptedException {
        while (true) {
            try {
                Message reply = nc.request(subject, body, ASK);
                if (reply != null && !reply.isStatusMessage()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                // No responders (the coordinator is gone) or a reconnect: wait and ask again.
            }
            Thread.sleep(200);
        }
    }
}
