package io.iotseal.probe.scan;

import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP connect scan: a port is open when a full connection succeeds. Needs no privileges and leaves the
 * device in the same state as any client would. Like nmap's {@code -sT}, it keeps many non-blocking
 * connects in flight on one selector thread rather than one thread per port; the number in flight is the
 * dialer's per-target connection cap, each new connect takes a token from the global rate limit, and a
 * connect that gets no answer within the timeout counts as not open (filtered).
 */
public final class PortScanner {
    /** Ports IoT devices commonly expose: remote shells, web UIs, file transfer, MQTT, RTSP, UPnP, debug. */
    public static final List<Integer> IOT_PORTS = List.of(
            21, 22, 23, 53, 80, 81, 443, 554, 1080, 1883, 2323, 5000, 5001, 5555, 7547, 8000, 8008, 8080,
            8081, 8088, 8443, 8554, 8883, 8888, 9000, 9100, 49152);

    private PortScanner() {
    }

    /** Ports per selector lane; smaller lists use one lane. */
    private static final int PORTS_PER_LANE = 4096;

    /** The open ports among {@code ports}, in ascending order (see {@link #inventory}). */
    public static List<Integer> openPorts(Dialer dialer, List<Integer> ports) {
        return inventory(dialer, ports).open();
    }

    /**
     * Which of {@code ports} are open, closed or silent. Large lists are split over a few selector lanes
     * (at most one per CPU) that share the per-target connection cap.
     */
    public static PortInventory inventory(Dialer dialer, List<Integer> ports) {
        int lanes = Math.max(1, Math.min(Math.min(Runtime.getRuntime().availableProcessors(), 4),
                Math.min(dialer.maxConnections(), ports.size() / PORTS_PER_LANE)));
        if (lanes == 1) {
            return scan(dialer, ports, dialer.maxConnections());
        }
        List<java.util.concurrent.Future<PortInventory>> parts = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int lane = 0; lane < lanes; lane++) {
                List<Integer> share = new ArrayList<>();
                for (int i = lane; i < ports.size(); i += lanes) {
                    share.add(ports.get(i));
                }
                int window = dialer.maxConnections() / lanes;
                parts.add(pool.submit(() -> scan(dialer, share, window)));
            }
        }
        List<Integer> open = new ArrayList<>();
        int closed = 0;
        int unanswered = 0;
        for (var part : parts) {
            open.addAll(part.resultNow().open());
            closed += part.resultNow().closed();
            unanswered += part.resultNow().unanswered();
        }
        Collections.sort(open);
        return new PortInventory(open, closed, unanswered);
    }

    private static PortInventory scan(Dialer dialer, List<Integer> ports, int window) {
        List<Integer> open = new ArrayList<>();
        int[] closed = {0};
        long timeoutNanos = dialer.timeout().toNanos();
        Map<SelectionKey, Long> deadlines = new HashMap<>();
        int next = 0;
        try (Selector selector = Selector.open()) {
            while (next < ports.size() || !deadlines.isEmpty()) {
                while (next < ports.size() && deadlines.size() < window) {
                    int port = ports.get(next++);
                    start(dialer, selector, port, open, closed, deadlines, timeoutNanos);
                }
                selector.select(Math.max(1, nearestDeadlineMillis(deadlines)));
                for (SelectionKey key : selector.selectedKeys()) {
                    finish(key, open, closed);
                    deadlines.remove(key);
                }
                selector.selectedKeys().clear();
                expire(deadlines);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("port scan of " + dialer.target() + " failed", e);
        }
        Collections.sort(open);
        return new PortInventory(open, closed[0], ports.size() - open.size() - closed[0]);
    }

    private static void start(Dialer dialer, Selector selector, int port, List<Integer> open, int[] closed,
                              Map<SelectionKey, Long> deadlines, long timeoutNanos) throws IOException {
        dialer.paceNewConnection();
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            if (channel.connect(new InetSocketAddress(dialer.target().address(), port))) {
                open.add(port);
                channel.close();
                return;
            }
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT, port);
            deadlines.put(key, System.nanoTime() + timeoutNanos);
        } catch (IOException e) {
            countIfRefused(e, closed);
            channel.close();
        }
    }

    private static void finish(SelectionKey key, List<Integer> open, int[] closed) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (channel.finishConnect()) {
                open.add((Integer) key.attachment());
            }
        } catch (IOException e) {
            countIfRefused(e, closed);
        } finally {
            key.cancel();
            channel.close();
        }
    }

    /**
     * A refused connect (RST) is an answer from the host: the port is closed. "No route to host", "host
     * unreachable" and the like are not answers from the device, so the port stays unanswered.
     */
    private static void countIfRefused(IOException e, int[] closed) {
        if (e instanceof java.net.ConnectException) {
            closed[0]++;
        }
    }

    private static void expire(Map<SelectionKey, Long> deadlines) throws IOException {
        long now = System.nanoTime();
        var it = deadlines.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (now >= e.getValue()) {
                e.getKey().cancel();
                e.getKey().channel().close();
                it.remove();
            }
        }
    }

    private static long nearestDeadlineMillis(Map<SelectionKey, Long> deadlines) {
        long now = System.nanoTime();
        return deadlines.values().stream().mapToLong(d -> (d - now) / 1_000_000).min().orElse(1);
    }
}
