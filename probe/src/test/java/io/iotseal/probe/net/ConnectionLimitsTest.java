package io.iotseal.probe.net;

import io.iotseal.probe.TestProbe;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safety limits every connection goes through: per-target cap and global rate. */
class ConnectionLimitsTest {
    @Test
    void neverMoreSimultaneousConnectionsThanTheCap() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> {
                            try (s) {
                                s.getInputStream().read(); // until the client closes
                            } catch (Exception ignored) {
                                // closed by the client
                            }
                        });
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            Dialer dialer = new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), 3, Duration.ofSeconds(2));
            List<Future<Object>> attempts = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 20; i++) {
                    attempts.add(pool.submit(() -> {
                        try (Connection c = dialer.connect(server.getLocalPort())) {
                            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                            Thread.sleep(30);
                            open.decrementAndGet();
                        }
                        return null;
                    }));
                }
            }
            // Every connection was made: a failed one would otherwise pass unnoticed (and lower the peak).
            for (Future<Object> attempt : attempts) {
                attempt.get();
            }
        }
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void rateLimitSpacesConnectionsEvenly() {
        RateLimiter limiter = new RateLimiter(100);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            limiter.acquire();
        }
        // 21 permits at 100/s: the last one no earlier than 200 ms after the first.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(195));
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), 0, Duration.ofSeconds(1)))
                .hasMessageContaining("at least 1");
    }
}
