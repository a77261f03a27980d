package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as `./iotseal serve` starts it: an H2 file database in the data folder, demo
 * data, and an admin password printed once — different on every installation, never again after.
 */
class EmbeddedDefaultTest {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");
    private static final Pattern DEMO_PAGE = Pattern.compile(
            "Demo label page \\(no login\\): (http://127\\.0\\.0\\.1:\\d+/l/([A-Z0-9]{12}))");

    private static String start(Path dataDir, java.util.function.Consumer<ConfigurableApplicationContext> check) {
        return start(dataDir, 0, (context, printed) -> check.accept(context));
    }

    /** Starts the embedded default on {@code port} (0: any), runs {@code check} with what it printed while starting. */
    private static String start(Path dataDir, int port, BiConsumer<ConfigurableApplicationContext, String> check) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = SpringApplication.run(IotSealServer.class,
                "--iotseal.data-dir=" + dataDir, "--server.port=" + port, "--logging.level.root=WARN")) {
            check.accept(context, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void firstStartPrintsAGeneratedPasswordOnceAndLoadsDemoData(@TempDir Path dataDir) throws Exception {
        String first = start(dataDir, context -> {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select kind from organization").query(String.class).list())
                    .containsExactlyInAnyOrderElementsOf(List.of("SCHEME_OPERATOR", "VENDOR", "VENDOR", "TEST_LAB"));
            assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isGreaterThanOrEqualTo(5);
            assertThat(jdbc.sql("select count(*) from product where name_ja like '%さくら%'").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from product where in_scope = false").query(Long.class).single()).isPositive();
            String hash = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class).single();
            assertThat(hash).startsWith("{argon2}");
            // One accepted JC-STAR ★1 declaration, with its signed label.
            assertThat(jdbc.sql("select level, status from label").query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                    .list()).containsExactly("star-1 ACTIVE");
            // Its QR code opens this server's own page (ADR 0071), not https://localhost.
            assertThat(jdbc.sql("select qr_text from label").query(String.class).single())
                    .startsWith("http://127.0.0.1:" + context.getEnvironment().getProperty("server.port") + "/l/");
        });
        Matcher m = PASSWORD.matcher(first);
        assertThat(m.find()).as("password printed at first start").isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(first).containsPattern("IoTSeal registry: http://127\\.0\\.0\\.1:[1-9]\\d*/");
        Matcher firstPage = DEMO_PAGE.matcher(first);
        assertThat(firstPage.find()).as("demo label page printed at the first start").isTrue();
        String demoLabelId = firstPage.group(2);
        assertThat(Files.exists(dataDir.resolve("iotseal.mv.db"))).isTrue();
        // The label signing keystore and its generated password live under the data folder (ADR 0050).
        assertThat(dataDir.resolve("keys/labels.p12")).isRegularFile();
        assertThat(dataDir.resolve("keys/labels.password")).isRegularFile();
        String keystore = dataDir.resolve("keys/labels.p12").toString();
        // The signing keys' folder and files are the owner's alone (ADR 0032).
        assertThat(permissions(dataDir.resolve("keys"))).isEqualTo("rwx------");
        assertThat(permissions(dataDir.resolve("keys/labels.p12"))).isEqualTo("rw-------");
        assertThat(permissions(dataDir.resolve("keys/labels.password"))).isEqualTo("rw-------");
        // A folder an earlier version left open to others is closed at the next start.
        Files.setPosixFilePermissions(dataDir.resolve("keys"), PosixFilePermissions.fromString("rwxr-xr-x"));

        // Every later start prints the demo label's page too (ADR 0071), on this start's public URL (a fixed
        // port: with port 0 the public URL would name port 0), and it opens, saying it is demo data.
        int port = freePort();
        String second = start(dataDir, port, (context, printed) -> {
            assertThat(context.getBean(io.iotseal.server.label.RegistryKeys.class).path().toString()).isEqualTo(keystore);
            Matcher page = DEMO_PAGE.matcher(printed);
            assertThat(page.find()).as("demo label page printed at a later start").isTrue();
            assertThat(page.group(1)).isEqualTo("http://127.0.0.1:" + port + "/l/" + demoLabelId);
            HttpResponse<String> html = get(page.group(1), "text/html");
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).contains("デモデータ: 実在の製品・適合宣言ではありません。",
                    "Demo data: not a real product or declaration.");
            HttpResponse<String> json = get(page.group(1), "application/json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains("\"demo\":true");
            // The API view of the demo label says so as well.
            UUID declaration = context.getBean(JdbcClient.class).sql("select entity_id from demo_record where entity_type"
                    + " = 'ASSESSMENT'").query(UUID.class).single();
            assertThat(context.getBean(io.iotseal.server.label.LabelLookup.class).forAssessment(declaration).demo()).isTrue();
        });
        assertThat(second).doesNotContain("password:").doesNotContain(password)
                .containsPattern("IoTSeal registry: http://127\\.0\\.0\\.1:[1-9]\\d*/");
        assertThat(permissions(dataDir.resolve("keys"))).isEqualTo("rwx------");
    }

    private static HttpResponse<String> get(String url, String accept) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("GET " + url, e);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void everyInstallationGetsItsOwnPassword(@TempDir Path a, @TempDir Path b) {
        Matcher first = PASSWORD.matcher(start(a, context -> { }));
        Matcher second = PASSWORD.matcher(start(b, context -> { }));
        assertThat(first.find()).isTrue();
        assertThat(second.find()).isTrue();
        assertThat(first.group(1)).isNotEqualTo(second.group(1));
    }
}
