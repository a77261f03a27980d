package io.iotseal.probe.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker started by the test with its own configuration on a free loopback port (never
 * the machine's shared broker). Installed on CI by .ci/services.sh.
 */
public final class Mosquitto implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    /** Where the brokers' configuration, password and log files go (tests run in the module's folder). */
    static final Path WORK = Path.of("target", "mosquitto");
    private final Process process;
    private final int port;
    private final Path dir;
    private final Thread stopOnExit;

    /** @param user with {@code password}, the only account; null for a broker with anonymous access */
    public Mosquitto(String user, String password) throws IOException, InterruptedException {
        // Under the module's build folder, not the system's temporary folder, and removed on close:
        // a run leaves nothing behind, and a killed one leaves it where `mvn clean` finds it.
        Files.createDirectories(WORK);
        dir = Files.createTempDirectory(WORK, "broker");
        port = freePort();
        StringBuilder conf = new StringBuilder("listener " + port + " 127.0.0.1\npersistence false\nlog_dest stderr\n"
                // Run as the current user: as root Mosquitto would switch to a user that cannot read our files.
                + "user " + System.getProperty("user.name") + "\n");
        if (user == null) {
            conf.append("allow_anonymous true\n");
        } else {
            Path passwords = dir.resolve("passwords");
            Files.writeString(passwords, "");
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwords.toString(), user, password)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
            }
            conf.append("allow_anonymous false\npassword_file ").append(passwords).append('\n');
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, conf);
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        // A JVM stopped by a signal (the benchmark lab) must not leave its brokers behind.
        Process broker = process;
        stopOnExit = new Thread(broker::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        waitUntilListening();
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Skips the calling test on a developer machine without Mosquitto, but fails it in CI (CI=true),
     * where .ci/services.sh must have installed it: a skipped MQTT test must never pass CI unnoticed.
     */
    public static void requireForTest() {
        if (available()) {
            return;
        }
        String message = "mosquitto not installed at " + BINARY + " (.ci/services.sh installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    private void waitUntilListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("out.log")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not start listening on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the broker.
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        deleteDirectory(dir);
    }

    /** The broker's folder, for tests that check it is gone after {@link #close()}. */
    Path directory() {
        return dir;
    }

    private static void deleteDirectory(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is under target/, which `mvn clean` removes.
        }
    }
}
