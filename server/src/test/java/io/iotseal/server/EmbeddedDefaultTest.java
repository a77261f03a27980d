package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as `./iotseal serve` starts it: an H2 file database in the data folder, demo
 * data, and an admin password printed once — different on every installation, never again after.
 */
class EmbeddedDefaultTest {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    private static String start(Path dataDir, java.util.function.Consumer<ConfigurableApplicationContext> check) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = SpringApplication.run(IotSealServer.class,
                "--iotseal.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN")) {
            check.accept(context);
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
        assertThat(first).containsPattern("Demo label page \\(no login\\): http://127\\.0\\.0\\.1:\\d+/l/[A-Z0-9]{12}")
                .containsPattern("IoTSeal registry: http://127\\.0\\.0\\.1:[1-9]\\d*/");
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

        String second = start(dataDir, context -> assertThat(context.getBean(
                io.iotseal.server.label.RegistryKeys.class).path().toString()).isEqualTo(keystore));
        assertThat(second).doesNotContain("password:").doesNotContain(password)
                .containsPattern("IoTSeal registry: http://127\\.0\\.0\\.1:[1-9]\\d*/");
        assertThat(permissions(dataDir.resolve("keys"))).isEqualTo("rwx------");
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
