package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import io.iotseal.server.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two server instances on one keystore file and one database (ADR 0051), over real sockets: after one
 * rotates, the other signs labels and status lists with the new key, never the retired one; a removal
 * through one reaches the other's JWKS; an instance whose keystore disagrees with the database refuses
 * to sign until an admin's rotation brings them back in line.
 */
class SharedKeystoreTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private static ConfigurableApplicationContext start(String url, Path keystore) {
        return new SpringApplicationBuilder(IotSealServer.class).profiles("test").run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (TestDatabase.postgres() ? TestDatabase.PG_USER : "sa"),
                "--spring.datasource.password=",
                "--iotseal.labels.keystore=" + keystore,
                "--server.port=0");
    }

    @Test
    void anInstanceSignsWithTheKeyAnotherRotatedTo(@TempDir Path dir) throws Exception {
        String url = TestDatabase.freshUrl();
        Path keystore = dir.resolve("labels.p12");
        try (ConfigurableApplicationContext a = start(url, keystore); ConfigurableApplicationContext b = start(url, keystore)) {
            World world = World.build(a);
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            String admin = world.token(Who.OPERATOR_ADMIN);

            UUID first = labelOf(jdbc, new AssessmentFixtures(a, world).acceptedStarOne().id());
            JsonNode keys = json.readTree(send(b, "GET", "/api/v1/label-keys", admin, null, null, 200).body());
            String oldKid = keys.get("activeKid").asText();
            assertThat(kid(jdbc, first)).isEqualTo(oldKid);
            assertThat(LabelKeyApiTest.kidOfJwt(send(b, "GET", "/status/suspension", null, null, null, 200).body()))
                    .isEqualTo(oldKid); // b has signed and cached its lists with the old key

            // a rotates; the ETag b answered is the same key list.
            HttpResponse<String> rotated = send(a, "POST", "/api/v1/label-keys/rotation", admin,
                    "{\"reason\":\"Scheduled rotation\"}", "\"" + keys.get("version").asLong() + "\"", 200);
            String newKid = json.readTree(rotated.body()).get("activeKid").asText();
            assertThat(newKid).isNotEqualTo(oldKid);

            // b signs what comes next with the new key: a label, and its status lists at once.
            UUID second = labelOf(jdbc, new AssessmentFixtures(b, world).acceptedStarOne().id());
            assertThat(kid(jdbc, second)).isEqualTo(newKid);
            List<String> lists = lists(b);
            assertThat(lists).allSatisfy(list -> assertThat(LabelKeyApiTest.kidOfJwt(list)).isEqualTo(newKid));
            String jwksOfB = send(b, "GET", "/.well-known/jwks.json", null, null, null, 200).body();
            assertThat(jwksOfB).isEqualTo(send(a, "GET", "/.well-known/jwks.json", null, null, null, 200).body());
            LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(jwksOfB));
            for (UUID label : List.of(first, second)) {
                var v = verifier.verifyCredential(credential(jdbc, label), lists, Instant.now());
                assertThat(v.verdict()).as(v.reason()).isEqualTo(Verdict.VALID);
            }

            // b removes the old key (as after a compromise): a's JWKS drops it, and the label it signed fails.
            String etag = send(b, "GET", "/api/v1/label-keys", admin, null, null, 200).headers().firstValue("ETag").orElseThrow();
            JsonNode removal = json.readTree(send(b, "POST", "/api/v1/label-keys/" + oldKid + "/removal", admin,
                    "{\"reason\":\"Key leaked\"}", etag, 200).body());
            assertThat(removal.get("labelsAffected").asLong()).isEqualTo(1);
            assertThat(removal.get("consequence").asText()).contains("re-issued");
            String jwksOfA = send(a, "GET", "/.well-known/jwks.json", null, null, null, 200).body();
            assertThat(jwksOfA).doesNotContain(oldKid).contains(newKid);
            LabelVerifier after = new LabelVerifier(TrustedKeys.fromJwks(jwksOfA));
            assertThat(after.verifyCredential(credential(jdbc, first), lists(a), Instant.now()).verdict())
                    .isEqualTo(Verdict.INVALID);
            assertThat(after.verifyCredential(credential(jdbc, second), lists(a), Instant.now()).verdict())
                    .isEqualTo(Verdict.VALID);

            // As if a third instance with a keystore of its own had rotated: nobody here signs any more ...
            jdbc.sql("update label_key_state set active_kid = 'ElsewhereKey', generation = generation + 1").update();
            assertThatThrownBy(() -> new AssessmentFixtures(a, world).acceptedStarOne())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(503));
            assertThat(send(b, "GET", "/status/revocation", null, null, null, 503).body()).contains("ElsewhereKey");
            // ... until an admin rotates through the API, which puts the database and the shared file in line.
            String stale = send(a, "GET", "/api/v1/label-keys", admin, null, null, 200).headers().firstValue("ETag").orElseThrow();
            send(a, "POST", "/api/v1/label-keys/rotation", admin, "{\"reason\":\"Back in line\"}", stale, 200);
            UUID third = labelOf(jdbc, new AssessmentFixtures(b, world).acceptedStarOne().id());
            assertThat(kid(jdbc, third)).isNotIn(oldKid, newKid);
            send(b, "GET", "/status/revocation", null, null, null, 200);
        }
    }

    private HttpResponse<String> send(ConfigurableApplicationContext instance, String method, String path, String token,
                                      String body, String ifMatch, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + instance.getEnvironment().getProperty("local.server.port") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response;
    }

    private List<String> lists(ConfigurableApplicationContext instance) throws Exception {
        return List.of(send(instance, "GET", "/status/revocation", null, null, null, 200).body(),
                send(instance, "GET", "/status/suspension", null, null, null, 200).body());
    }

    private static UUID labelOf(JdbcClient jdbc, UUID assessment) {
        return jdbc.sql("select id from label where assessment_id = ?").param(assessment).query(UUID.class).single();
    }

    private static String kid(JdbcClient jdbc, UUID label) {
        return jdbc.sql("select kid from label where id = ?").param(label).query(String.class).single();
    }

    private static String credential(JdbcClient jdbc, UUID label) {
        return jdbc.sql("select credential from label where id = ?").param(label).query(String.class).single();
    }
}
