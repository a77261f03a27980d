package io.iotseal.probe.scan;

import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * TCP connect scan: a port is open when a full connection succeeds. Needs no privileges and leaves the
 * device in the same state as any client would. Ports are tried in parallel on virtual threads, bounded
 * by the dialer's per-target connection cap and the global rate limit.
 */
public final class PortScanner {
    /** Ports IoT devices commonly expose: remote shells, web UIs, file transfer, MQTT, RTSP, UPnP, debug. */
    public static final List<Integer> IOT_PORTS = List.of(
            21, 22, 23, 53, 80, 81, 443, 554, 1080, 1883, 2323, 5000, 5001, 5555, 7547, 8000, 8008, 8080,
            8081, 8088, 8443, 8554, 8883, 8888, 9000, 9100, 49152);

    private PortScanner() {
    }

    /** The open ports among {@code ports}, in ascending order. */
    public static List<Integer> openPorts(Dialer dialer, List<Integer> ports) {
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int port : ports) {
                results.add(pool.submit(() -> isOpen(dialer, port) ? port : -1));
            }
        }
        List<Integer> open = new ArrayList<>();
        for (Future<Integer> f : results) {
            int port = f.resultNow();
            if (port > 0) {
                open.add(port);
            }
        }
        Collections.sort(open);
        return open;
    }

    static boolean isOpen(Dialer dialer, int port) {
        try (Connection ignored = dialer.connect(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
