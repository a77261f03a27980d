package io.iotseal.label.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.jose.Base64Url;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys a verifier trusts, read from or written as a JWKS (RFC 7517). Each key carries
 * {@code iat} (created) and, once rotated out, {@code retired} (epoch seconds): retired keys stay
 * published so that labels they signed keep verifying (ADR 0032). Only Ed25519 OKP keys are accepted.
 */
public final class TrustedKeys {
    /** A JWKS larger than this is refused before parsing. */
    public static final int MAX_JWKS_CHARS = 256 * 1024;
    private static final ObjectMapper JSON = JsonMappers.strict();

    private final Map<String, VerificationKey> byKid;
    private final List<VerificationKey> ordered;

    public TrustedKeys(Collection<VerificationKey> keys) {
        Map<String, VerificationKey> map = new LinkedHashMap<>();
        for (VerificationKey key : keys) {
            if (map.put(key.kid(), key) != null) {
                throw new IllegalArgumentException("keys: duplicate kid '" + key.kid() + "'");
            }
        }
        this.byKid = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    public Optional<VerificationKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    public List<VerificationKey> keys() {
        return ordered;
    }

    /** Parses a JWKS; errors name the key index and member. Private members ({@code d}) are refused. */
    public static TrustedKeys fromJwks(String json) {
        if (json == null || json.length() > MAX_JWKS_CHARS) {
            throw new IllegalArgumentException("JWKS is missing or larger than " + MAX_JWKS_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("JWKS is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("keys").isArray()) {
            throw new IllegalArgumentException("JWKS must be an object with a 'keys' array");
        }
        List<VerificationKey> keys = new java.util.ArrayList<>();
        int i = 0;
        for (JsonNode jwk : root.get("keys")) {
            String where = "keys[" + i++ + "]";
            if (!jwk.isObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            if (jwk.has("d")) {
                throw new IllegalArgumentException(where + " contains a private key ('d'): publish public keys only");
            }
            requireText(jwk, "kty", "OKP", where);
            requireText(jwk, "crv", "Ed25519", where);
            if (jwk.has("alg")) {
                requireText(jwk, "alg", "EdDSA", where);
            }
            if (jwk.has("use")) {
                requireText(jwk, "use", "sig", where);
            }
            String kid = text(jwk, "kid", where);
            byte[] x = Base64Url.decode(text(jwk, "x", where), where + ".x");
            try {
                keys.add(new VerificationKey(kid, x, epoch(jwk, "iat", where), epoch(jwk, "retired", where)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new TrustedKeys(keys);
    }

    /** The JWKS document to publish at {@code /.well-known/jwks.json}: public keys only. */
    public String toJwks() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("keys");
        for (VerificationKey key : ordered) {
            ObjectNode jwk = array.addObject().put("kty", "OKP").put("crv", "Ed25519")
                    .put("x", Base64Url.encode(key.publicKey())).put("kid", key.kid()).put("use", "sig").put("alg", "EdDSA");
            key.created().ifPresent(t -> jwk.put("iat", t.getEpochSecond()));
            key.retired().ifPresent(t -> jwk.put("retired", t.getEpochSecond()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode jwk, String member, String where) {
        JsonNode value = jwk.get(member);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + "." + member + " must be a string");
        }
        return value.asText();
    }

    private static void requireText(JsonNode jwk, String member, String expected, String where) {
        String value = text(jwk, member, where);
        if (!value.equals(expected)) {
            throw new IllegalArgumentException(where + "." + member + " must be '" + expected + "', found '" + value + "'");
        }
    }

    private static Instant epoch(JsonNode jwk, String member, String where) {
        JsonNode value = jwk.get(member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException(where + "." + member + " must be epoch seconds");
        }
        return Instant.ofEpochSecond(value.asLong());
    }
}
