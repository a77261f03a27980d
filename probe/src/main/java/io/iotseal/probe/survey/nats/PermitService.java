package io.iotseal.probe.survey.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The campaign's global rate limit (ADR 0104): every connection any worker opens first asks for a permit on
 * {@link SurveyNames#permitSubject}, and this service answers the requests one at a time, paced by one
 * {@link Pace} at the scope's rate. The pace is set in one place, so it holds however many workers
 * ask; a worker whose request is not answered waits (see {@link NatsPermits}).
 */
final class PermitService implements AutoCloseable {
    private record Request(String replyTo, long expiresNanos) {
    }

    private final Connection nc;
    private final Pace pace;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Dispatcher dispatcher;
    private final Thread pacer;
    private final java.util.concurrent.atomic.AtomicLong granted = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean open = true;

    PermitService(Connection nc, String campaign, double perSecond) {
        this.nc = nc;
        this.pace = new Pace(perSecond);
        // The dispatcher only queues: pacing on NATS's delivery thread would hold up every other subscription.
        this.dispatcher = nc.createDispatcher(this::enqueue);
        dispatcher.subscribe(SurveyNames.permitSubject(campaign), SurveyNames.PACERS);
        this.pacer = Thread.ofPlatform().daemon().name("permits-" + campaign).start(this::pace);
    }

    private void enqueue(Message request) {
        if (request.getReplyTo() == null) {
            return;
        }
        long validMillis = parse(request.getData());
        queue.add(new Request(request.getReplyTo(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(validMillis)));
    }

    /** The request's body is how long the worker still waits for the answer, in milliseconds. */
    private static long parse(byte[] body) {
        try {
            return Math.max(0, Long.parseLong(new String(body, StandardCharsets.US_ASCII).trim()));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private void pace() {
        while (open) {
            try {
                Request r = queue.poll(200, TimeUnit.MILLISECONDS);
                // A permit answered after the worker gave up would be lost rate (the worker asks again), so an
                // expired request gets no permit.
                if (r == null || System.nanoTime() > r.expiresNanos()) {
                    continue;
                }
                pace.await();
                nc.publish(r.replyTo(), new byte[0]);
                granted.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The connection is reconnecting: the worker's request times out and it asks again.
            }
        }
    }

    /** Permits granted so far: connection attempts of all workers together. */
    long granted() {
        return granted.get();
    }

    @Override
    public void close() {
        open = false;
        pacer.interrupt();
        try {
            nc.closeDispatcher(dispatcher);
        } catch (RuntimeException ignored) {
            // The connection is closing too.
        }
    }
}
