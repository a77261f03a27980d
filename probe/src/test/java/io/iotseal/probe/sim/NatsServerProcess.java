package io.iotseal.probe.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A nats-server with JetStream started by the test on a free loopback port with its own store folder, never the
 * machine's shared server on 4222. Installed on CI by .ci/services.sh (ensure_nats).
 */
public final class NatsServerProcess implements AutoCloseable {
    public static final Path BINARY = Stream.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")
            .map(Path::of).filter(Files::isExecutable).findFirst().orElse(Path.of("/usr/sbin/nats-server"));
    /** Under the module's build folder: `mvn clean` removes what a killed run leaves. */
    static final Path WORK = Path.of("target", "nats");
    private final Process process;
    private final Path dir;
    private final int port;
    private final Thread stopOnExit;

    public NatsServerProcess() throws IOException, InterruptedException {
        requireForTest();
        Files.createDirectories(WORK);
        dir = Files.createTempDirectory(WORK, "server").toAbsolutePath();
        port = freePort();
        process = new ProcessBuilder(BINARY.toString(), "-js", "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-sd", dir.resolve("store").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        Process server = process;
        stopOnExit = new Thread(server::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        waitUntilListening();
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /**
     * Fails the calling test under CI=true when nats-server is missing (a skipped engine test must not pass CI
     * unnoticed); skips it elsewhere.
     */
    public static void requireForTest() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "nats-server not installed (.ci/services.sh installs the Debian package nats-server)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    private void waitUntilListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nats-server exited: " + Files.readString(dir.resolve("out.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (Files.readString(dir.resolve("out.log")).contains("Server is ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("nats-server did not start on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running anyway.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Left under target/ for mvn clean.
        }
    }
}
