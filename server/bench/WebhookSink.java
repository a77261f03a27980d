import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver for the dispatcher benchmark (webhooks.sh): answers 204 to every POST on
 * 127.0.0.1:PORT, and once EXPECTED requests have arrived prints how long they took from the first.
 * Usage: java WebhookSink.java PORT EXPECTED
 */
public class WebhookSink {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int expected = Integer.parseInt(args[1]);
        AtomicInteger count = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                first.compareAndSet(0, System.nanoTime());
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
            if (count.incrementAndGet() == expected) {
                done.countDown();
            }
        });
        server.start();
        System.out.println("listening");
        done.await();
        double seconds = (System.nanoTime() - first.get()) / 1e9;
        System.out.printf("received %d webhooks in %.2f s from the first: %.0f per second%n", expected, seconds,
                expected / seconds);
        server.stop(0);
        System.exit(0);
    }
}
