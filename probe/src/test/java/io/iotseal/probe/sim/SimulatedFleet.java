package io.iotseal.probe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Thousands of small HTTP devices, one per loopback address (127.x.y.z), each on one TCP port, for the survey
 * engine's tests and benchmark. Each answers with a page titled {@link #TITLE} behind HTTP Basic
 * authentication; every {@code defaultEvery}-th device accepts admin/admin. Virtual threads, one blocked accept
 * per device, so 10,000 devices fit in one JVM. Every accepted connection is recorded with its device and
 * System.nanoTime(), so a test counts the probes per device and the rate at the devices.
 */
public final class SimulatedFleet implements AutoCloseable {
    public static final String TITLE = "Acme NetCam 200";
    public static final String USER = "admin";
    public static final String DEFAULT_PASSWORD = "admin";
    /** The page title of the devices that are not the {@link #TITLE} model, when the fleet mixes two models. */
    public static final String OTHER_TITLE = "Generic IP Camera";

    private final List<InetAddress> addresses;
    private final Map<InetAddress, Integer> index = new HashMap<>();
    private final int port;
    private final int defaultEvery;
    private final int modelEvery;
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicIntegerArray connections;
    private final long[] times = new long[1 << 22];
    private int timeCount;

    /**
     * @param addresses    loopback addresses, one device each
     * @param defaultEvery every n-th device (0, n, 2n, ...) accepts the default password; 0 for none
     */
    public SimulatedFleet(List<InetAddress> addresses, int port, int defaultEvery) throws IOException {
        this(addresses, port, defaultEvery, 1);
    }

    /**
     * A fleet of two models: every {@code modelEvery}-th device (0, n, 2n, ...) shows {@link #TITLE}, the others
     * {@link #OTHER_TITLE}, as a survey meets one labelled model among many others.
     */
    public SimulatedFleet(List<InetAddress> addresses, int port, int defaultEvery, int modelEvery) throws IOException {
        if (modelEvery < 1) {
            throw new IllegalArgumentException("modelEvery must be at least 1");
        }
        this.modelEvery = modelEvery;
        this.addresses = List.copyOf(addresses);
        this.port = port;
        this.defaultEvery = defaultEvery;
        this.connections = new AtomicIntegerArray(addresses.size());
        try {
            for (int i = 0; i < this.addresses.size(); i++) {
                InetAddress a = this.addresses.get(i);
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("simulated devices only listen on loopback, not " + a);
                }
                index.put(a, i);
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(a, port), 128);
                sockets.add(server);
                int device = i;
                threads.submit(() -> accept(server, device));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code count} consecutive IPv4 addresses from {@code first} (e.g. 127.20.0.1). */
    public static List<InetAddress> addresses(String first, int count) throws UnknownHostException {
        long start = toLong(InetAddress.getByName(first));
        List<InetAddress> list = new ArrayList<>(count);
        for (long n = start; n < start + count; n++) {
            list.add(InetAddress.getByAddress(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n}));
        }
        return list;
    }

    private static long toLong(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    private void accept(ServerSocket server, int device) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                record(device);
                threads.submit(() -> serve(s, device));
            } catch (IOException | java.util.concurrent.RejectedExecutionException closed) {
                return;
            }
        }
    }

    private void record(int device) {
        long now = System.nanoTime();
        connections.incrementAndGet(device);
        synchronized (times) {
            if (timeCount < times.length) {
                times[timeCount++] = now;
            }
        }
    }

    /** The page title device {@code device} shows: its model. */
    public String title(int device) {
        return device % modelEvery == 0 ? TITLE : OTHER_TITLE;
    }

    public boolean acceptsDefault(int device) {
        return defaultEvery > 0 && device % defaultEvery == 0;
    }

    /** Answers HTTP/1.1 requests on one connection: 200 with the title for the right Basic credential, else 401. */
    private void serve(Socket socket, int device) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(5000);
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String password = acceptsDefault(device) ? DEFAULT_PASSWORD : "s3cret-" + device;
                String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
                boolean ok = head.lines().anyMatch(l -> l.regionMatches(true, 0, "Authorization:", 0, 14)
                        && l.substring(14).trim().equals(expected));
                String body = "<html><head><title>" + title(device) + "</title></head><body>" + (ok ? "Live view" : "Login")
                        + "</body></html>";
                String response = (ok ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 401 Unauthorized\r\n"
                        + "WWW-Authenticate: Basic realm=\"NetCam\"\r\n")
                        + "Server: lighttpd/1.4.59\r\nContent-Type: text/html\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
                out.write(response.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (SocketTimeoutException idle) {
            // The client kept the connection open without a request.
        } catch (IOException ignored) {
            // The client closed (a port scan connects and closes at once).
        }
    }

    /** The request head up to the empty line, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                return head.toString();
            }
            if (n > 16384) {
                return null;
            }
        }
        return null;
    }

    public List<InetAddress> addresses() {
        return addresses;
    }

    public int port() {
        return port;
    }

    /** Connections accepted by the device at {@code address} so far. */
    public int connections(InetAddress address) {
        return connections.get(index.get(address));
    }

    public long totalConnections() {
        long sum = 0;
        for (int i = 0; i < connections.length(); i++) {
            sum += connections.get(i);
        }
        return sum;
    }

    /** The nanoTime of every accepted connection, in order. */
    public long[] acceptTimes() {
        synchronized (times) {
            long[] copy = Arrays.copyOf(times, timeCount);
            Arrays.sort(copy);
            return copy;
        }
    }

    @Override
    public void close() {
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        threads.shutdownNow();
    }
}
