package io.iotseal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.jose.CompactJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * A signed statement of how long the audit chain was and what its last hash was (ADR 0066): the
 * registry publishes one, anyone keeps copies, and a chain that was cut back and had its head row
 * rewound no longer matches a copy kept earlier. A JWS (RFC 7515, EdDSA) with the registry's label
 * keys, so the JWKS that verifies labels verifies it too.
 *
 * @param issuer   the registry's public URL
 * @param issuedAt when it was signed (seconds)
 * @param size     how many entries the chain had
 * @param headHash the hash of entry {@code size} ({@link AuditChain#GENESIS} for an empty chain)
 */
public record AuditCheckpoint(String issuer, Instant issuedAt, long size, String headHash) {

    /** The JWS {@code typ} of a checkpoint. */
    public static final String TYP = "iotseal-audit-checkpoint+jwt";
    /** A checkpoint is a few hundred characters; anything much larger is not one. */
    public static final int MAX_CHARS = 4096;

    private static final ObjectMapper JSON = JsonMappers.plain();

    public AuditCheckpoint {
        if (size < 0) {
            throw new IllegalArgumentException("size: must not be negative");
        }
        if (headHash == null || !headHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("headHash: must be 64 lower-case hex digits");
        }
        if (size == 0 && !headHash.equals(AuditChain.GENESIS)) {
            throw new IllegalArgumentException("headHash: an empty chain's head is the genesis hash");
        }
    }

    /** The checkpoint as a compact JWS signed with {@code key}. */
    public String sign(SigningKey key) {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", issuer)
                .put("iat", issuedAt.getEpochSecond())
                .put("size", size)
                .put("headHash", headHash);
        return CompactJws.sign(claims, TYP, key);
    }

    /**
     * Verifies a checkpoint's signature against {@code trusted} and reads it; a key retired before the
     * checkpoint's time did not sign it (ADR 0032).
     */
    public static AuditCheckpoint verify(String jws, TrustedKeys trusted) throws VerificationException {
        CompactJws.Verified verified = CompactJws.verify(jws, TYP, trusted, MAX_CHARS);
        JsonNode claims = verified.payload();
        if (!claims.path("iss").isTextual() || !claims.path("iat").canConvertToLong()
                || !claims.path("iat").isIntegralNumber() || !claims.path("size").isIntegralNumber()
                || !claims.path("headHash").isTextual()) {
            throw new VerificationException("a checkpoint needs iss, iat, size and headHash");
        }
        Instant issuedAt;
        try {
            issuedAt = Instant.ofEpochSecond(claims.get("iat").asLong());
        } catch (DateTimeException outOfRange) {
            throw new VerificationException("a checkpoint's iat must be a time in seconds; "
                    + claims.get("iat").asText() + " is not one", outOfRange);
        }
        verified.key().requireActiveAt(issuedAt, "an audit checkpoint");
        try {
            return new AuditCheckpoint(claims.get("iss").asText(), issuedAt, claims.get("size").asLong(),
                    claims.get("headHash").asText());
        } catch (IllegalArgumentException e) {
            throw new VerificationException("not a valid checkpoint: " + e.getMessage(), e);
        }
    }
}
