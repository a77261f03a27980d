package io.iotseal.probe.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP port on 127.0.0.1 that answers nothing, like a port behind a firewall that drops packets: a
 * listener that never accepts, with its accept queue filled by idle connections. Linux then drops further
 * SYNs (net.ipv4.tcp_abort_on_overflow=0, the default), so a connect neither succeeds nor is refused; it
 * times out.
 */
public final class SilentPort implements AutoCloseable {
    private static final int MAX_FILLERS = 16;
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    public SilentPort() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 300);
                fillers.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the accept queue never filled: is tcp_abort_on_overflow set?");
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
