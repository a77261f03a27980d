package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.label.jose.Base64Url;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signing-key rotation over HTTP (ADR 0051): earlier labels keep verifying, new ones and the lists use the new key. */
class LabelKeyApiTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void rotationKeepsEarlierLabelsVerifiableAndSignsWhatFollowsWithTheNewKey() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID before = labelOf(fixtures.acceptedStarOne().id());
        MvcResult listed = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/label-keys"))).andReturn();
        assertThat(listed.getResponse().getStatus()).isEqualTo(200);
        JsonNode keys = body(listed);
        String oldKid = keys.get("activeKid").asText();
        assertThat(keys.get("keystoreAgrees").asBoolean()).isTrue();
        assertThat(kidOf(before)).isEqualTo(oldKid);
        assertThat(kidOfJwt(list("suspension"))).isEqualTo(oldKid);
        String etag = listed.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isEqualTo("\"" + keys.get("version").asLong() + "\"");

        MvcResult rotated = mvc.perform(as(Who.OPERATOR_ADMIN, rotation("Yearly rotation", etag))).andReturn();
        assertThat(rotated.getResponse().getStatus()).as(rotated.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode after = body(rotated);
        String newKid = after.get("activeKid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + (keys.get("version").asLong() + 1) + "\"");
        JsonNode oldEntry = entry(after, oldKid);
        assertThat(oldEntry.get("active").asBoolean()).isFalse();
        assertThat(oldEntry.get("retired").isNull()).isFalse();
        assertThat(oldEntry.get("labels").asLong()).isPositive();
        assertThat(entry(after, newKid).get("active").asBoolean()).isTrue();
        assertThat(entry(after, newKid).get("retired").isNull()).isTrue();
        // The same ETag again is stale now: a second admin's click does not rotate twice.
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, rotation("Again", etag))).andReturn().getResponse().getStatus())
                .isEqualTo(412);

        // The status lists are re-signed at once with the new key; new labels are signed with it.
        String revocation = list("revocation");
        String suspension = list("suspension");
        assertThat(kidOfJwt(revocation)).isEqualTo(newKid);
        assertThat(kidOfJwt(suspension)).isEqualTo(newKid);
        UUID later = labelOf(fixtures.acceptedStarOne().id());
        assertThat(kidOf(later)).isEqualTo(newKid);

        // Offline, against the served JWKS (old key retired, new key) and the served lists, both verify.
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
        assertThat(jwks).contains(oldKid, newKid, "\"retired\"");
        LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(jwks));
        for (UUID label : List.of(before, later)) {
            var verification = verifier.verifyCredential(credentialOf(label), List.of(revocation, suspension), Instant.now());
            assertThat(verification.verdict()).as(verification.reason()).isEqualTo(Verdict.VALID);
            assertThat(verification.statusChecked()).isTrue();
            assertThat(verifier.verifyQrText(qrOf(label), List.of(revocation, suspension), Instant.now()).verdict())
                    .isEqualTo(Verdict.VALID);
        }

        Map<String, Object> audited = jdbc.sql("select actor, after_json from audit_entry where action = 'label.key.rotate'"
                + " and entity_id = ?").param(newKid).query().singleRow();
        assertThat(audited.get("actor").toString()).contains("world-operator-admin");
        assertThat(audited.get("after_json").toString()).contains("Yearly rotation", newKid);
    }

    @Test
    void badInputNamesTheField() throws Exception {
        String etag = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/label-keys"))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        assertThat(field(rotation(null, etag), 400)).isEqualTo("reason");
        assertThat(field(rotation("  ", etag), 400)).isEqualTo("reason");
        assertThat(field(rotation("x".repeat(501), etag), 400)).isEqualTo("reason");
        assertThat(call(rotation("No precondition", null), 428).get("status").asInt()).isEqualTo(428);
        assertThat(call(rotation("Wrong precondition", "\"999999\""), 412).get("status").asInt()).isEqualTo(412);

        String active = body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/label-keys"))).andReturn())
                .get("activeKid").asText();
        assertThat(field(removal("not+a+kid", "Leaked", etag), 400)).isEqualTo("kid");
        assertThat(field(removal(active, null, etag), 400)).isEqualTo("reason");
        assertThat(field(removal(active, "Leaked", etag), 409)).isEqualTo("kid");
        assertThat(call(removal("AAAAAAAAAAA", "Leaked", etag), 404).get("status").asInt()).isEqualTo(404);
        assertThat(call(removal(active, "Leaked", null), 428).get("status").asInt()).isEqualTo(428);
    }

    private MockHttpServletRequestBuilder rotation(String reason, String ifMatch) throws Exception {
        return withPrecondition(post("/api/v1/label-keys/rotation"), reason, ifMatch);
    }

    private MockHttpServletRequestBuilder removal(String kid, String reason, String ifMatch) throws Exception {
        return withPrecondition(post("/api/v1/label-keys/" + kid + "/removal"), reason, ifMatch);
    }

    private MockHttpServletRequestBuilder withPrecondition(MockHttpServletRequestBuilder request, String reason,
                                                           String ifMatch) throws Exception {
        Map<String, Object> body = new HashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        request = withJson(request, body);
        return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(as(Who.OPERATOR_ADMIN, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return body(result);
    }

    private String field(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return call(request, expected).at("/errors/0/field").asText();
    }

    private static JsonNode entry(JsonNode keys, String kid) {
        for (JsonNode k : keys.get("keys")) {
            if (k.get("kid").asText().equals(kid)) {
                return k;
            }
        }
        throw new AssertionError("no key " + kid + " in " + keys);
    }

    private String list(String purpose) throws Exception {
        return mvc.perform(get("/status/" + purpose)).andReturn().getResponse().getContentAsString();
    }

    /** The kid in a compact JWS's protected header. */
    static String kidOfJwt(String jwt) throws Exception {
        String header = new String(Base64Url.decode(jwt.substring(0, jwt.indexOf('.')), "header"), StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(header).get("kid").asText();
    }

    private UUID labelOf(UUID assessmentId) {
        return jdbc.sql("select id from label where assessment_id = ?").param(assessmentId).query(UUID.class).single();
    }

    private String kidOf(UUID label) throws Exception {
        return kidOfJwt(credentialOf(label));
    }

    private String credentialOf(UUID label) {
        return jdbc.sql("select credential from label where id = ?").param(label).query(String.class).single();
    }

    private String qrOf(UUID label) {
        return jdbc.sql("select qr_text from label where id = ?").param(label).query(String.class).single();
    }
}
