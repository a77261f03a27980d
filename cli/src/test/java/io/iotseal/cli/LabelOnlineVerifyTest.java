package io.iotseal.cli;

import static io.iotseal.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.iotseal.cli.CliTest.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code label verify --online} against a registry stand-in on 127.0.0.1 that serves what the
 * registry server serves: the JWKS, the two signed status lists and the label's live status JSON.
 */
class LabelOnlineVerifyTest {
    private static final String LABEL_ID = "L7K3M9Q2";
    private static final int STATUS_INDEX = 4242;   // the example label's index (examples/label-star1-camera.yaml)
    /** Fixed times inside the example label's validity, so the test does not age. */
    private static final String LISTS_FROM = "2027-05-30T00:00:00Z";
    private static final String AT = "2027-06-01";
    @TempDir Path dir;
    private Path keystore;
    private Path password;
    private Path jwks;
    private Path credential;
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private HttpServer registry;
    private String origin;

    @BeforeEach
    void issueALabelAndStartTheRegistry() throws Exception {
        keystore = dir.resolve("keys/labels.p12");
        password = dir.resolve("password");
        Files.writeString(password, "a test password, generated per run\n");
        jwks = dir.resolve("jwks.json");
        assertThat(run("label", "keygen", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--jwks-out", jwks.toString()).exitCode()).isZero();
        Path out = dir.resolve("out");
        Run issue = run("label", "issue", "--keystore", keystore.toString(), "--password-file", password.toString(),
                "--label", CliTest.EXAMPLES.resolve("label-star1-camera.yaml").toString(), "--out", out.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        credential = out.resolve(LABEL_ID + ".vc.jwt");

        served.put("/.well-known/jwks.json", Files.readString(jwks));
        served.put("/status/revocation", statusList("revocation"));
        served.put("/status/suspension", statusList("suspension"));
        served.put("/l/" + LABEL_ID, "{\"labelId\":\"" + LABEL_ID + "\",\"status\":\"valid\"}");
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", exchange -> {
            String body = served.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        registry.start();
        origin = "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    @AfterEach
    void stopTheRegistry() {
        try {
            registry.stop(0);
        } catch (IllegalStateException alreadyStopped) {
            // one test stops it itself
        }
    }

    private String statusList(String purpose, String... set) throws IOException {
        Path file = dir.resolve(purpose + "-" + set.length + ".jwt");
        String[] base = {"label", "status-list", "--keystore", keystore.toString(), "--password-file",
                password.toString(), "--purpose", purpose, "--valid-from", LISTS_FROM, "--out", file.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + 2 * set.length);
        for (int i = 0; i < set.length; i++) {
            args[base.length + 2 * i] = "--set";
            args[base.length + 2 * i + 1] = set[i];
        }
        Run list = run(args);
        assertThat(list.exitCode()).as(list.err()).isZero();
        return Files.readString(file);
    }

    private Run verifyOnline(String... more) {
        String[] base = {"label", "verify", "--credential", credential.toString(), "--online", origin, "--at", AT};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void aValidLabelVerifiesOnlineWithPinnedOrFetchedKeys() {
        Run pinned = verifyOnline("--jwks", jwks.toString());
        assertThat(pinned.exitCode()).as(pinned.err()).isZero();
        assertThat(pinned.out()).contains("verdict:      VALID", "neither revoked nor suspended");

        Run fetched = verifyOnline();
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        assertThat(fetched.err()).contains("keys fetched from " + origin);
    }

    @Test
    void aSuspensionShowsWithTheRegistrysReason() throws Exception {
        served.put("/status/suspension", statusList("suspension", String.valueOf(STATUS_INDEX)));
        served.put("/l/" + LABEL_ID, "{\"status\":\"suspended\",\"reason\":\"firmware recall\",\"statusSince\":\"2027-05-30\"}");
        Run suspended = verifyOnline("--jwks", jwks.toString());
        assertThat(suspended.exitCode()).isEqualTo(1);
        assertThat(suspended.out()).contains("verdict:      SUSPENDED", "firmware recall", "since 2027-05-30");
        assertThat(suspended.err()).contains("label is SUSPENDED");
    }

    @Test
    void theRegistrysLiveRevocationCountsBeforeTheListsShowIt() {
        served.put("/l/" + LABEL_ID, "{\"status\":\"revoked\",\"reason\":\"false declaration\"}");
        Run revoked = verifyOnline("--jwks", jwks.toString());
        assertThat(revoked.exitCode()).isEqualTo(1);
        assertThat(revoked.out()).contains("verdict:      REVOKED", "false declaration");
    }

    @Test
    void aRegistryThatCannotBeAskedDecidesNothing() {
        served.remove("/status/suspension");
        Run missing = verifyOnline("--jwks", jwks.toString());
        assertThat(missing.exitCode()).isEqualTo(LabelVerifyCommand.EXIT_UNREACHABLE);
        assertThat(missing.err()).contains("cannot check online", "/status/suspension: not found");

        served.put("/status/suspension", "x".repeat(7 * 1024 * 1024));
        assertThat(verifyOnline("--jwks", jwks.toString()).err()).contains("answer larger than");

        registry.stop(0);
        assertThat(verifyOnline("--jwks", jwks.toString()).exitCode()).isEqualTo(LabelVerifyCommand.EXIT_UNREACHABLE);
    }

    @Test
    void aStatusListSignedByAnotherKeyIsRefused() throws Exception {
        Path otherKeystore = dir.resolve("other/labels.p12");
        Path otherJwks = dir.resolve("other.json");
        assertThat(run("label", "keygen", "--keystore", otherKeystore.toString(), "--password-file",
                password.toString(), "--jwks-out", otherJwks.toString()).exitCode()).isZero();
        Path forged = dir.resolve("forged.jwt");
        assertThat(run("label", "status-list", "--keystore", otherKeystore.toString(), "--password-file",
                password.toString(), "--purpose", "suspension", "--valid-from", LISTS_FROM, "--out", forged.toString())
                .exitCode()).isZero();
        served.put("/status/suspension", Files.readString(forged));
        Run refused = verifyOnline("--jwks", jwks.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("INVALID");
    }

    @Test
    void badOnlineOptionsExitTwo() {
        assertThat(verifyOnline("--status-list", jwks.toString()).err()).contains("not both");
        Run plainHttp = run("label", "verify", "--credential", credential.toString(), "--online", "http://registry.example.org");
        assertThat(plainHttp.exitCode()).isEqualTo(2);
        assertThat(plainHttp.err()).contains("must be an https URL");
        Run noKeys = run("label", "verify", "--credential", credential.toString());
        assertThat(noKeys.exitCode()).isEqualTo(2);
        assertThat(noKeys.err()).contains("--jwks");
    }
}
