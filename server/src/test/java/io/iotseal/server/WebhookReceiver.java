package io.iotseal.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on the loopback interface, for tests: records every request (headers lower-cased,
 * as HTTP/2 and the Standard Webhooks library expect) and answers {@link #status}; while
 * {@link #hold()} is in force it keeps each request waiting (a slow receiver).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    public volatile int status = 204;
    /** How long each answer takes (a receiver with some work to do). */
    public volatile int delayMillis;
    private volatile CountDownLatch hold;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                CountDownLatch h = hold;
                if (h != null) {
                    waiting.incrementAndGet();
                    try {
                        h.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        waiting.decrementAndGet();
                    }
                }
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int answer = status;
                received.add(new Received(headers, body));
                exchange.sendResponseHeaders(answer, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Keeps requests waiting until {@link #release()}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch h = hold;
        hold = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** How many requests are being kept waiting now. */
    public int waiting() {
        return waiting.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (up to {@code timeout}) until {@code count} received requests match; answers them. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count || System.nanoTime() > end) {
                if (matching.size() < count) {
                    throw new AssertionError("received " + matching.size() + " of " + count + " expected webhooks in "
                            + timeout + "; all received: " + received.size());
                }
                return matching;
            }
            Thread.sleep(20);
        }
    }

    /** Waits until {@code condition} holds, or fails after {@code timeout}. */
    public static void eventually(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
