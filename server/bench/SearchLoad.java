import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load driver for the product search: C concurrent clients, each sending its next
 * request when the last one is answered, for a fixed time and at most a fixed number of requests;
 * prints throughput and latency percentiles. Talks to loopback addresses only.
 *
 *   java server/bench/SearchLoad.java http://127.0.0.1:18090 [concurrency=8] [seconds=30] [token]
 *
 * The query mix: words and numbers from names (substring matches), model-number prefixes, Japanese
 * words, category filters, no query at all (first page of everything), and deep pages.
 */
public class SearchLoad {

    static final String[] WORDS = {"router", "camera", "speaker", "lock", "plug", "hub", "sensor", "sakura camera",
            "fuji", "orion tv", "ルーター", "カメラ", "センサー", "サクラカメラ", "ヒカリ"};
    static final String[] CATEGORIES = {"ROUTER", "CAMERA", "SMART_SPEAKER", "SMART_LOCK", "HUB", "SENSOR"};
    static final String[] PREFIXES = {"RO-", "CA-", "SP-", "LO-", "PL-", "HU-", "SE-", "TV-"};
    static final int MAX_REQUESTS = 200_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java SearchLoad.java http://127.0.0.1:PORT [concurrency] [seconds] [token]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("refusing to send load to a non-loopback address: " + base.getHost());
            System.exit(2);
        }
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String token = args.length > 3 ? args[3] : null;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Warm-up: let the JIT and the database caches settle before measuring.
        run(client, base, token, concurrency, Math.min(10, seconds), new ConcurrentLinkedQueue<>(), new AtomicInteger());
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        run(client, base, token, concurrency, seconds, samples, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;

        long[] all = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        System.out.printf("requests: %d in %.1f s (%.0f/s), errors (non-200): %d, concurrency %d%s%n", all.length,
                elapsed, all.length / elapsed, errors.get(), concurrency, token == null ? ", anonymous" : ", with token");
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", pct(all, 50), pct(all, 90),
                pct(all, 95), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        long totalItemsSeen = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        System.out.println("largest result set (totalItems): " + totalItemsSeen);
    }

    static void run(HttpClient client, URI base, String token, int concurrency, int seconds,
                    ConcurrentLinkedQueue<long[]> samples, AtomicInteger errors) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= MAX_REQUESTS) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/products?" + query()))
                            .timeout(Duration.ofSeconds(10)).GET();
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        samples.add(new long[]{took, totalItems(response.body())});
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static String query() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> "q=" + enc(WORDS[r.nextInt(WORDS.length)] + " " + r.nextInt(1, 100));
            case 3, 4 -> "q=" + enc(PREFIXES[r.nextInt(PREFIXES.length)] + r.nextInt(1, 10_000));
            case 5 -> "q=" + enc(WORDS[r.nextInt(WORDS.length)]);
            case 6 -> "category=" + CATEGORIES[r.nextInt(CATEGORIES.length)] + "&page=" + r.nextInt(5);
            case 7 -> "q=" + enc(String.valueOf(r.nextInt(1, 100_000)));
            case 8 -> "page=" + r.nextInt(0, 50) + "&size=20";
            default -> "q=" + enc(WORDS[r.nextInt(WORDS.length)]) + "&category=" + CATEGORIES[r.nextInt(CATEGORIES.length)];
        };
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long totalItems(String body) {
        int i = body.indexOf("\"totalItems\":");
        if (i < 0) {
            return 0;
        }
        int j = i + 13;
        int k = j;
        while (k < body.length() && Character.isDigit(body.charAt(k))) {
            k++;
        }
        return k > j ? Long.parseLong(body.substring(j, k)) : 0;
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
    }
}
