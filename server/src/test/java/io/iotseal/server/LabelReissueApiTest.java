package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Re-issuing labels whose signing key was removed (ADR 0054): after the removal they fail offline; the
 * re-issue signs them again with the active key, same label and status; an old printed code still finds
 * the label's page, which says the code must be replaced.
 */
class LabelReissueApiTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void reissueMakesLabelsOfARemovedKeyVerifyAgainAndKeepsTheirStatus() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        // A key of this test's own: labels of other tests never lose theirs.
        String doomed = body(admin(keyChange("/api/v1/label-keys/rotation", "Test key", etag()), 200)).get("activeKid").asText();
        UUID valid = labelOf(fixtures.acceptedStarOne().id());
        UUID suspended = labelOf(fixtures.acceptedStarOne().id());
        admin(withJson(post("/api/v1/labels/" + suspended + "/status"), Map.of("action", "suspend", "reason", "Under review"))
                .header(HttpHeaders.IF_MATCH, "\"" + column(suspended, "version") + "\""), 200);
        Map<String, Object> before = row(valid);
        Map<String, Object> suspendedBefore = row(suspended);
        assertThat(before.get("kid")).isEqualTo(doomed);

        String newKid = body(admin(keyChange("/api/v1/label-keys/rotation", "Compromise", etag()), 200)).get("activeKid").asText();
        JsonNode removal = body(admin(keyChange("/api/v1/label-keys/" + doomed + "/removal", "Leaked", etag()), 200));
        assertThat(removal.get("labelsAffected").asLong()).isEqualTo(2);
        assertThat(removal.get("consequence").asText()).contains("/api/v1/label-keys/reissue");
        assertThat(verifier().verifyCredential(column(valid, "credential"), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.INVALID);
        assertThat(verifier().verifyQrText(column(valid, "qr_text"), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.INVALID);

        String etag = etag();
        MvcResult reissued = admin(keyChange("/api/v1/label-keys/reissue", "Key " + doomed + " leaked", etag), 200);
        assertThat(reissued.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        JsonNode answer = body(reissued);
        assertThat(answer.get("reissued").asInt()).isEqualTo(2);
        assertThat(answer.get("activeKid").asText()).isEqualTo(newKid);
        assertThat(answer.get("labelIds").toString()).contains((String) before.get("label_id"),
                (String) suspendedBefore.get("label_id"));
        assertThat(answer.get("consequence").asText()).contains("reprint");

        // Same label, new signature: valid again offline with the new kid; the suspended one stays suspended.
        Map<String, Object> after = row(valid);
        for (String same : List.of("label_id", "registration_number", "status_index", "issued", "expiry", "status")) {
            assertThat(after.get(same)).as(same).isEqualTo(before.get(same));
        }
        assertThat(after.get("kid")).isEqualTo(newKid);
        assertThat(after.get("qr_text")).isNotEqualTo(before.get("qr_text"));
        LabelVerifier verifier = verifier();
        assertThat(verifier.verifyCredential(column(valid, "credential"), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(verifier.verifyQrText(column(valid, "qr_text"), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(row(suspended).get("status")).isEqualTo("SUSPENDED");
        assertThat(row(suspended).get("status_index")).isEqualTo(suspendedBefore.get("status_index"));
        assertThat(verifier.verifyCredential(column(suspended, "credential"), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.SUSPENDED);

        // One audit entry per label, with the reason and the removed key.
        for (UUID label : List.of(valid, suspended)) {
            Map<String, Object> audited = jdbc.sql("select actor, before_json, after_json from audit_entry"
                    + " where action = 'label.reissue' and entity_id = ?").param(label.toString()).query().singleRow();
            assertThat(audited.get("actor").toString()).contains("world-operator-admin");
            assertThat(audited.get("before_json").toString()).contains(doomed);
            assertThat(audited.get("after_json").toString()).contains(newKid, "Key " + doomed + " leaked");
        }

        // The code printed before still opens the page, which says to replace it; the new code's page does not.
        String oldToken = tokenOf((String) before.get("qr_text"));
        String oldPage = page(oldToken);
        // A scanner that lower-cases the URL still reaches the page that says to replace the code.
        // (The page's language links repeat the address as it was typed.)
        String lower = oldToken.toLowerCase(java.util.Locale.ROOT);
        assertThat(page(lower).replace(lower, oldToken)).isEqualTo(oldPage);
        assertThat(oldPage).contains((String) before.get("registration_number"), "must replace the printed label");
        assertThat(page(tokenOf((String) after.get("qr_text"))).strip()).doesNotContain("must replace").startsWith("<!DOCTYPE");

        // Nothing is left to do: a second call re-issues nothing.
        assertThat(body(admin(keyChange("/api/v1/label-keys/reissue", "Again", etag()), 200)).get("reissued").asInt())
                .isZero();
    }

    @Test
    void badInputNamesTheFieldAndThePreconditionIsRequired() throws Exception {
        String etag = etag();
        assertThat(problem(keyChange("/api/v1/label-keys/reissue", null, etag), 400).at("/errors/0/field").asText())
                .isEqualTo("reason");
        assertThat(problem(keyChange("/api/v1/label-keys/reissue", " ", etag), 400).at("/errors/0/field").asText())
                .isEqualTo("reason");
        assertThat(problem(keyChange("/api/v1/label-keys/reissue", "x".repeat(501), etag), 400).at("/errors/0/field")
                .asText()).isEqualTo("reason");
        assertThat(problem(keyChange("/api/v1/label-keys/reissue", "No precondition", null), 428).get("status").asInt())
                .isEqualTo(428);
        assertThat(problem(keyChange("/api/v1/label-keys/reissue", "Stale", "\"999999\""), 412).get("status").asInt())
                .isEqualTo(412);
    }

    private MockHttpServletRequestBuilder keyChange(String path, String reason, String ifMatch) throws Exception {
        Map<String, Object> body = new HashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        MockHttpServletRequestBuilder request = withJson(post(path), body);
        return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
    }

    private MvcResult admin(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(as(Who.OPERATOR_ADMIN, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        return result;
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = admin(request, expected);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return body(result);
    }

    private String etag() throws Exception {
        return mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/label-keys"))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
    }

    private LabelVerifier verifier() throws Exception {
        return new LabelVerifier(TrustedKeys.fromJwks(mvc.perform(get("/.well-known/jwks.json")).andReturn()
                .getResponse().getContentAsString()));
    }

    private List<String> lists() throws Exception {
        return List.of(mvc.perform(get("/status/revocation")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/status/suspension")).andReturn().getResponse().getContentAsString());
    }

    private String page(String token) throws Exception {
        MvcResult result = mvc.perform(get("/l/" + token).header(HttpHeaders.ACCEPT, "text/html")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static String tokenOf(String qrText) {
        return qrText.substring(qrText.lastIndexOf('/') + 1);
    }

    private UUID labelOf(UUID assessmentId) {
        return jdbc.sql("select id from label where assessment_id = ?").param(assessmentId).query(UUID.class).single();
    }

    private Map<String, Object> row(UUID label) {
        return jdbc.sql("select label_id, registration_number, status_index, issued, expiry, status, kid, qr_text"
                + " from label where id = ?").param(label).query().singleRow().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                        e -> String.valueOf(e.getValue())));
    }

    private String column(UUID label, String column) {
        return jdbc.sql("select " + column + " from label where id = ?").param(label).query(String.class).single();
    }
}
