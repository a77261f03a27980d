package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar `./iotseal serve` runs, started as a user starts it: every other server test runs on the test
 * classpath, where a library the jar lacks is still present (the networknt validator was test-scoped in the
 * server's pom, so the packaged server failed at start while every test passed). Run by failsafe after
 * {@code package}.
 */
class PackagedServerIT {

    private static final Pattern REGISTRY = Pattern.compile("IoTSeal registry: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern DEMO_PAGE = Pattern.compile("Demo label page \\(no login\\): (http://\\S+/l/[A-Z0-9]{12})");

    @Test
    void theServerJarStartsOnTheEmbeddedDefaultAndServesTheDemoLabel(@TempDir Path data) throws Exception {
        Path jar = Path.of("target/iotseal-server.jar").toAbsolutePath();
        assertThat(jar).exists();
        // The JDK that runs this test is the build's toolchain JDK (21+), the one `./iotseal` would find.
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("IOTSEAL_DATA_DIR", data.toString());
        // A port of its own (not 0: the demo label's QR address is made from the configured port).
        builder.environment().put("IOTSEAL_PORT", String.valueOf(freePort()));
        Process server = builder.start();
        StringBuilder printed = new StringBuilder();
        try {
            CompletableFuture<String[]> addresses = CompletableFuture.supplyAsync(() -> readAddresses(server, printed));
            String[] urls = addresses.get(180, TimeUnit.SECONDS);
            assertThat(urls[0]).as("the registry address; printed:%n%s", printed).isNotNull();
            assertThat(urls[1]).as("the demo label page; printed:%n%s", printed).isNotNull();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(urls[0])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            HttpResponse<String> label = http.send(HttpRequest.newBuilder(URI.create(urls[1]))
                    .header("Accept-Language", "ja").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(label.statusCode()).isEqualTo(200);
            assertThat(label.body()).contains(urls[1].substring(urls[1].lastIndexOf('/') + 1), "lang=\"ja\"");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(data.resolve("iotseal.mv.db"))).as("the H2 file database in the data folder").isTrue();
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The registry and demo page addresses the server prints while starting; nulls if it stops first. */
    private static String[] readAddresses(Process server, StringBuilder printed) {
        String registry = null;
        // Not closed here: once both addresses are read, a thread keeps draining it until the server stops.
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                printed.append(line).append('\n');
                Matcher r = REGISTRY.matcher(line);
                if (r.find()) {
                    registry = r.group(1);
                }
                Matcher d = DEMO_PAGE.matcher(line);
                if (d.find()) {
                    // Keep draining the output so the server never blocks on a full pipe.
                    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                    return new String[] {registry, d.group(1)};
                }
            }
        } catch (java.io.IOException e) {
            printed.append("(output ended: ").append(e).append(")\n");
        }
        return new String[] {registry, null};
    }
}
