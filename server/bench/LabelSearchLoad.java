import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load driver for the label search (issue 13, ADR 0080/0083): C concurrent clients, each
 * sending its next request when the last is answered; 10 s warm-up, then the measured run; prints
 * throughput and latency percentiles, overall and per kind of query. Loopback addresses only.
 *
 *   java server/bench/LabelSearchLoad.java http://127.0.0.1:18099 [concurrency=4] [seconds=30]
 *
 * The query mix, over the labels server/bench/seed-labels.sql gives the products of seed.sql: listing
 * pages 0-49 (default order: newest issue first), by status, by vendor id, by vendor name (substring),
 * by model number (exact), by category, by validity date sorted by it, and sorted by label id.
 */
public class LabelSearchLoad {

    static final String[] STATUSES = {"valid", "suspended", "revoked", "expired"};
    static final String[] CATEGORIES = {"ROUTER", "CAMERA", "SMART_SPEAKER", "SMART_LOCK", "HUB", "SENSOR"};
    static final String[] PREFIXES = {"RO", "CA", "SP", "LO", "PL", "TH", "HU", "SE", "TV", "PH"};
    static final int MAX_REQUESTS = 500_000;

    record Sample(String kind, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java LabelSearchLoad.java http://127.0.0.1:PORT [concurrency] [seconds]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("refusing to send load to a non-loopback address: " + base.getHost());
            System.exit(2);
        }
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, concurrency, Math.min(10, seconds), new ConcurrentLinkedQueue<>(), new AtomicInteger());
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        run(client, base, concurrency, seconds, samples, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;

        long[] all = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        System.out.printf("requests: %d in %.1f s (%.0f/s), errors (non-200): %d, concurrency %d%n", all.length,
                elapsed, all.length / elapsed, errors.get(), concurrency);
        System.out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", pct(all, 50), pct(all, 95),
                pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        Map<String, List<Long>> byKind = new TreeMap<>();
        samples.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.nanos()));
        byKind.forEach((kind, list) -> {
            long[] t = list.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-12s n=%-6d p50 %7.2f  p95 %7.2f  p99 %7.2f%n", kind, t.length, pct(t, 50), pct(t, 95),
                    pct(t, 99));
        });
    }

    static void run(HttpClient client, URI base, int concurrency, int seconds, ConcurrentLinkedQueue<Sample> samples,
                    AtomicInteger errors) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger sent = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= MAX_REQUESTS) {
                    String[] q = query();
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/labels?" + q[1]))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        samples.add(new Sample(q[0], took));
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

    /** A query's kind and its query string. */
    static String[] query() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return switch (r.nextInt(8)) {
            case 0 -> new String[]{"list", "page=" + r.nextInt(50)};
            case 1 -> new String[]{"status", "status=" + STATUSES[r.nextInt(STATUSES.length)] + "&page=" + r.nextInt(5)};
            case 2 -> new String[]{"vendorId", "vendorId=" + md5Uuid("bench-vendor-" + r.nextInt(1, 51))
                    + "&page=" + r.nextInt(5)};
            case 3 -> new String[]{"vendor", "vendor=" + enc("Vendor " + r.nextInt(1, 51))};
            case 4 -> {
                int i = r.nextInt(1, 130_000);
                yield new String[]{"modelNumber", "modelNumber=" + PREFIXES[i % 10] + "-" + i};
            }
            case 5 -> new String[]{"category", "category=" + CATEGORIES[r.nextInt(CATEGORIES.length)] + "&page=" + r.nextInt(5)};
            case 6 -> new String[]{"validUntil", "validUntilBefore=2027-" + String.format("%02d", r.nextInt(1, 13))
                    + "-01&sort=-validUntil"};
            default -> new String[]{"sortLabelId", "sort=labelId&page=" + r.nextInt(50)};
        };
    }

    /** PostgreSQL's md5(text)::uuid, as seed.sql makes its vendors' ids. */
    static String md5Uuid(String text) {
        try {
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                    + "-" + h.substring(20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
    }
}
