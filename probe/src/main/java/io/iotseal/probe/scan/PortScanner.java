package io.iotseal.probe.scan;

import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TCP connect scan: a port is open when a full connection succeeds, closed when the device answers with a
 * reset, silent when nothing comes back in time (filtered or dropped). Needs no privileges and leaves the
 * device in the state any client would. Like nmap's {@code -sT} (ADR 0079):
 * <ul>
 *   <li>up to {@link #WINDOW} non-blocking connects in flight on one selector thread, so the whole
 *       1-65535 range takes seconds on a LAN; the session limits ({@code --max-connections}, {@code --rate})
 *       are for logins, not for SYNs;</li>
 *   <li>the timeout adapts: it starts at the configured timeout and, once the device has answered, drops to
 *       {@link #RTT_FACTOR} times the slowest answer seen (never below {@link #MIN_TIMEOUT_MILLIS});</li>
 *   <li>silent ports are tried once more, so one lost SYN does not hide a service;</li>
 *   <li>host discovery: common IoT ports go first; when none of the first {@link #DISCOVERY_PROBES} ports
 *       gives any answer (no SYN-ACK and no reset), the device is not reached and the scan stops there.</li>
 * </ul>
 */
public final class PortScanner {
    /** Ports IoT devices commonly expose: remote shells, web UIs, file transfer, MQTT, RTSP, UPnP, debug. */
    public static final List<Integer> IOT_PORTS = List.of(
            21, 22, 23, 53, 80, 81, 443, 554, 1080, 1883, 2323, 5000, 5001, 5555, 7547, 8000, 8008, 8080,
            8081, 8088, 8443, 8554, 8883, 8888, 9000, 9100, 49152);

    /** Every TCP port. */
    public static final List<Integer> ALL_PORTS = java.util.stream.IntStream.rangeClosed(1, 65535).boxed().toList();

    /** Connects in flight to one device during the scan (nmap -T3 keeps up to a few hundred). */
    public static final int WINDOW = 256;
    /** Silent probes after which a device that never answered counts as not reached. */
    public static final int DISCOVERY_PROBES = 1024;
    static final int RTT_FACTOR = 10;
    static final long MIN_TIMEOUT_MILLIS = 250;

    private PortScanner() {
    }

    /** The open ports among {@code ports}, in ascending order (see {@link #inventory}). */
    public static List<Integer> openPorts(Dialer dialer, List<Integer> ports) {
        return inventory(dialer, ports).open();
    }

    /**
     * Which of {@code ports} are open, closed or silent; IoT ports are tried first. Ports not tried because
     * discovery found the device silent count as without answer.
     */
    public static PortInventory inventory(Dialer dialer, List<Integer> ports) {
        Lane lane = new Lane(dialer);
        Set<Integer> wanted = new LinkedHashSet<>();
        IOT_PORTS.stream().filter(ports::contains).forEach(wanted::add);
        wanted.addAll(ports);
        List<Integer> order = new ArrayList<>(wanted);
        try {
            List<Integer> silent = lane.run(order, true);
            if (lane.answered() > 0 && !silent.isEmpty()) {
                silent = lane.run(silent, false);
            }
            return new PortInventory(lane.sortedOpen(), lane.closed, silent.size());
        } catch (IOException e) {
            throw new UncheckedIOException("port scan of " + dialer.target() + " failed", e);
        }
    }

    /** One selector with its connects in flight and what it learned about the device. */
    private static final class Lane {
        private final Dialer dialer;
        private final List<Integer> open = new ArrayList<>();
        private int closed;
        private long slowestAnswerNanos;

        Lane(Dialer dialer) {
            this.dialer = dialer;
        }

        int answered() {
            return open.size() + closed;
        }

        List<Integer> sortedOpen() {
            List<Integer> sorted = new ArrayList<>(open);
            Collections.sort(sorted);
            return sorted;
        }

        long timeoutNanos() {
            long configured = dialer.timeout().toNanos();
            if (answered() == 0) {
                return configured;
            }
            long adaptive = Math.max(slowestAnswerNanos * RTT_FACTOR, MIN_TIMEOUT_MILLIS * 1_000_000);
            return Math.min(adaptive, configured);
        }

        /** Probes {@code ports}; returns those that stayed silent. */
        List<Integer> run(List<Integer> ports, boolean discover) throws IOException {
            List<Integer> silent = new ArrayList<>();
            // Probes in the order they started: deadlines (almost) follow that order, so expiring is a look
            // at the head, not a pass over every connect in flight.
            ArrayDeque<Probe> queue = new ArrayDeque<>();
            int[] inFlight = {0};
            int next = 0;
            try (Selector selector = Selector.open()) {
                while (next < ports.size() || inFlight[0] > 0) {
                    if (discover && answered() == 0 && silent.size() >= DISCOVERY_PROBES) {
                        // Nothing answered at all: the device is not reached; do not wait out the whole range.
                        for (Probe probe : queue) {
                            probe.end();
                        }
                        return withRest(silent, ports.subList(next, ports.size()));
                    }
                    while (next < ports.size() && inFlight[0] < WINDOW) {
                        start(selector, ports.get(next++), queue, inFlight);
                    }
                    long wait = queue.isEmpty() ? 1 : (queue.peekFirst().deadline - System.nanoTime()) / 1_000_000;
                    selector.select(Math.max(1, wait));
                    for (SelectionKey key : selector.selectedKeys()) {
                        finish((Probe) key.attachment(), inFlight);
                    }
                    selector.selectedKeys().clear();
                    expire(queue, silent, inFlight);
                }
            }
            return silent;
        }

        private static List<Integer> withRest(List<Integer> silent, List<Integer> rest) {
            List<Integer> all = new ArrayList<>(silent);
            all.addAll(rest);
            return all;
        }

        private void start(Selector selector, int port, ArrayDeque<Probe> queue, int[] inFlight) throws IOException {
            SocketChannel channel = SocketChannel.open();
            long now = System.nanoTime();
            try {
                channel.configureBlocking(false);
                if (channel.connect(new InetSocketAddress(dialer.target().address(), port))) {
                    open.add(port);
                    channel.close();
                    return;
                }
                Probe probe = new Probe(port, channel, now, now + timeoutNanos());
                probe.key = channel.register(selector, SelectionKey.OP_CONNECT, probe);
                queue.addLast(probe);
                inFlight[0]++;
            } catch (IOException refused) {
                closed++;
                channel.close();
            }
        }

        private void finish(Probe probe, int[] inFlight) throws IOException {
            if (probe.done) {
                return;
            }
            try {
                if (probe.channel.finishConnect()) {
                    open.add(probe.port);
                    noteAnswer(probe.started);
                }
            } catch (java.net.ConnectException refused) {
                // RST: the port is closed, and the device is there.
                closed++;
                noteAnswer(probe.started);
            } catch (IOException unreachable) {
                // No route / host unreachable: not an answer from the device.
            } finally {
                probe.end();
                inFlight[0]--;
            }
        }

        private static void expire(ArrayDeque<Probe> queue, List<Integer> silent, int[] inFlight) throws IOException {
            long now = System.nanoTime();
            while (!queue.isEmpty() && (queue.peekFirst().done || now >= queue.peekFirst().deadline)) {
                Probe probe = queue.pollFirst();
                if (!probe.done) {
                    silent.add(probe.port);
                    probe.end();
                    inFlight[0]--;
                }
            }
        }

        private void noteAnswer(long started) {
            slowestAnswerNanos = Math.max(slowestAnswerNanos, System.nanoTime() - started);
        }
    }

    /** One connect in flight. */
    private static final class Probe {
        final int port;
        final SocketChannel channel;
        final long started;
        final long deadline;
        SelectionKey key;
        boolean done;

        Probe(int port, SocketChannel channel, long started, long deadline) {
            this.port = port;
            this.channel = channel;
            this.started = started;
            this.deadline = deadline;
        }

        void end() throws IOException {
            done = true;
            if (key != null) {
                key.cancel();
            }
            channel.close();
        }
    }
}
