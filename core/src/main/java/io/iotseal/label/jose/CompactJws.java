package io.iotseal.label.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.keys.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JWS compact serialisation (RFC 7515) with exactly one algorithm, {@code EdDSA} over Ed25519
 * (RFC 8037). Deliberately narrow rather than a general JOSE library: the header must name EdDSA, the
 * expected {@code typ} and a trusted {@code kid}, and nothing else that changes processing
 * ({@code crit}, {@code jwk}, {@code jku}, {@code x5u}, {@code b64}), so {@code alg: none}, algorithm
 * confusion and key injection have no code path (ADR 0030). JSON with duplicate members is refused,
 * so the verifier and any other reader cannot see different claims.
 */
public final class CompactJws {
    public static final String ALGORITHM = "EdDSA";
    static final ObjectMapper JSON = JsonMappers.strict();
    private static final java.util.Set<String> ALLOWED_HEADER = java.util.Set.of("alg", "kid", "typ", "cty");

    private CompactJws() {
    }

    /** A verified JWS: the key that signed it and its JSON payload. */
    public record Verified(VerificationKey key, ObjectNode header, JsonNode payload) {
    }

    public static String sign(JsonNode payload, String typ, SigningKey key) {
        ObjectNode header = JSON.createObjectNode().put("alg", ALGORITHM).put("kid", key.kid()).put("typ", typ);
        try {
            String signingInput = Base64Url.encode(JSON.writeValueAsBytes(header)) + "."
                    + Base64Url.encode(JSON.writeValueAsBytes(payload));
            return signingInput + "." + Base64Url.encode(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies {@code token}; every failure is a {@link VerificationException} whose message says
     * what was wrong, never a runtime exception.
     */
    public static Verified verify(String token, String expectedTyp, TrustedKeys trusted, int maxChars)
            throws VerificationException {
        if (token == null || token.isEmpty()) {
            throw new VerificationException("the JWS is empty");
        }
        token = token.strip();
        if (token.length() > maxChars) {
            throw new VerificationException("the JWS has " + token.length() + " characters, over the limit of " + maxChars);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new VerificationException("not a JWS in compact serialisation (needs exactly three parts)");
        }
        ObjectNode header = header(token.substring(0, first));
        String alg = header.path("alg").asText(null);
        if (!header.path("alg").isTextual() || !ALGORITHM.equals(alg)) {
            throw new VerificationException("algorithm '" + header.path("alg") + "' is not allowed (only EdDSA)");
        }
        if (!header.path("typ").isTextual() || !expectedTyp.equals(header.get("typ").asText())) {
            throw new VerificationException("typ must be '" + expectedTyp + "', found " + header.path("typ"));
        }
        for (var names = header.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ALLOWED_HEADER.contains(name)) {
                throw new VerificationException("header parameter '" + name + "' is not accepted");
            }
        }
        if (!header.path("kid").isTextual()) {
            throw new VerificationException("the header has no kid");
        }
        String kid = header.get("kid").asText();
        VerificationKey key = trusted.find(kid).orElseThrow(
                () -> new VerificationException("key '" + abbreviate(kid) + "' is not in the trusted JWKS"));
        byte[] signature;
        try {
            signature = Base64Url.decode(token.substring(second + 1), "signature");
        } catch (IllegalArgumentException e) {
            throw new VerificationException(e.getMessage(), e);
        }
        byte[] signingInput = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        if (!key.verify(signingInput, signature)) {
            throw new VerificationException("the signature does not verify with key " + kid);
        }
        JsonNode payload = json(token.substring(first + 1, second), "payload");
        return new Verified(key, header, payload);
    }

    private static ObjectNode header(String part) throws VerificationException {
        JsonNode node = json(part, "header");
        if (!(node instanceof ObjectNode object)) {
            throw new VerificationException("the JWS header is not a JSON object");
        }
        return object;
    }

    private static JsonNode json(String part, String what) throws VerificationException {
        try {
            JsonNode node = JSON.readTree(Base64Url.decode(part, what));
            if (node == null || !node.isObject()) {
                throw new VerificationException("the JWS " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new VerificationException("the JWS " + what + " is not valid base64url JSON", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
