package io.iotseal.server;

import io.iotseal.audit.AuditCheckpoint;
import io.iotseal.audit.JdbcAuditLog;
import io.iotseal.label.keys.TrustedKeys;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit checkpoint the registry publishes (ADR 0066): anyone fetches it, jose4j (an implementation we
 * did not write) verifies it with the published JWKS, it names the chain's real size and head hash, a
 * newer one follows changes, and the chain verifies against a copy kept earlier.
 */
class AuditCheckpointTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    private String fetch() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/audit/checkpoint")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/jwt");
        assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("public");
        return response.getContentAsString();
    }

    private String jwks() throws Exception {
        return mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
    }

    /** jose4j's reading of the checkpoint: EdDSA only, the key chosen by kid from the published JWKS. */
    private JwtClaims jose4j(String checkpoint) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.EDDSA));
        jws.setCompactSerialization(checkpoint);
        List<JsonWebKey> keys = new JsonWebKeySet(jwks()).findJsonWebKeys(jws.getKeyIdHeaderValue(), null, null, null);
        assertThat(keys).hasSize(1);
        jws.setKey(keys.get(0).getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo(AuditCheckpoint.TYP);
        return JwtClaims.parse(jws.getPayload());
    }

    @Test
    void anyoneGetsACheckpointOfTheRealChainSignedWithAPublishedKey() throws Exception {
        String checkpoint = fetch();
        JwtClaims claims = jose4j(checkpoint);
        long size = claims.getClaimValue("size", Long.class);
        String headHash = claims.getStringClaimValue("headHash");
        assertThat(size).isPositive();
        assertThat(headHash).isEqualTo(jdbc.sql("select hash from audit_entry where seq = ?").param(size)
                .query(String.class).single());
        assertThat(claims.getIssuer()).startsWith("https://");
        assertThat(claims.getIssuedAt().getValue()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(300L));

        AuditCheckpoint ours = AuditCheckpoint.verify(checkpoint, TrustedKeys.fromJwks(jwks()));
        assertThat(ours.size()).isEqualTo(size);
        assertThat(ours.headHash()).isEqualTo(headHash);
        try (Connection c = dataSource.getConnection()) {
            assertThat(JdbcAuditLog.verify(c, ours).ok()).isTrue();
        }
    }

    @Test
    void aChangeIsInTheNextCheckpoint() throws Exception {
        long before = jose4j(fetch()).getClaimValue("size", Long.class);
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"),
                World.product(world.vendorA, "Checkpointed plug", false)))).andExpect(status().isCreated());
        long head = jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
        assertThat(head).isGreaterThan(before);
        // The test profile checks for changes on every request (status-check-interval PT0S), as the lists do.
        JwtClaims after = jose4j(fetch());
        assertThat(after.getClaimValue("size", Long.class)).isGreaterThanOrEqualTo(head);
    }
}
