package io.iotseal.probe.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A TCP server on 127.0.0.1 that runs one handler per connection on a virtual thread. */
public abstract class LineServer implements AutoCloseable {
    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    protected LineServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setSoTimeout(5000);
                pool.submit(() -> {
                    try (client) {
                        handle(client);
                    } catch (IOException ignored) {
                        // The probe hung up; that is normal.
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    protected abstract void handle(Socket client) throws IOException;

    public int port() {
        return socket.getLocalPort();
    }

    /** Reads one line, skipping Telnet IAC sequences; null at end of stream. */
    protected static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == 0xff) {
                int cmd = in.read();
                if (cmd >= 251 && cmd <= 254) {
                    in.read();
                }
                continue;
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8).replace("\r", "");
            }
            line.write(b);
        }
        return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
    }

    protected static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }
}
