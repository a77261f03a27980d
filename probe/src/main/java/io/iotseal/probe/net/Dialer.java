package io.iotseal.probe.net;

import io.iotseal.probe.target.Target;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Opens every connection the probe makes to one target, so that the safety limits hold in one place:
 * the global rate limit, the per-target cap on simultaneous connections, and timeouts on connect and read.
 */
public final class Dialer {
    private final Target target;
    private final RateLimiter rate;
    private final Semaphore slots;
    private final int maxConnections;
    private final Duration timeout;

    public Dialer(Target target, RateLimiter rate, int maxConnections, Duration timeout) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections per target must be at least 1");
        }
        this.target = target;
        this.rate = rate;
        this.slots = new Semaphore(maxConnections);
        this.maxConnections = maxConnections;
        this.timeout = timeout;
    }

    public Target target() {
        return target;
    }

    /** Waits for the global rate limit before a connection opened outside this dialer (the port scan). */
    public void paceNewConnection() {
        rate.acquire();
    }

    public int maxConnections() {
        return maxConnections;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Takes one connection slot (and one rate token) for a connection opened by a library (e.g. the SSH
     * client). Close the permit when the connection is closed.
     */
    public Permit permit() throws InterruptedIOException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection slot");
        }
        rate.acquire();
        return new Permit(slots);
    }

    /** Opens a TCP connection to the target with connect and read timeouts; holds a slot until closed. */
    public Connection connect(int port) throws IOException {
        Permit permit = permit();
        Socket socket = new Socket();
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.address(), port), (int) timeout.toMillis());
            return new Connection(socket, permit);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            permit.close();
            throw e;
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing after a failure; the original error is what matters.
        }
    }

    /** A held connection slot. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore slots;
        private boolean released;

        private Permit(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
