package io.iotseal.label.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.keys.VerificationKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Set;

/**
 * A detached JWS over a file's bytes as they are (RFC 7515 Appendix F with RFC 7797's unencoded payload):
 * the compact serialisation with an empty payload part, {@code header..signature}, whose header says
 * {@code "b64": false, "crit": ["b64"]}. The signing input is {@code BASE64URL(header) || '.' || content},
 * so a verifier signs nothing but the file it holds, with no base64 copy of it (ADR 0083). As narrow as
 * {@link CompactJws}: EdDSA only, the expected {@code typ}, a trusted {@code kid}, and no header member
 * beyond {@code alg, kid, typ, b64, crit, iat}.
 */
public final class DetachedJws {

    private static final Set<String> ALLOWED_HEADER = Set.of("alg", "kid", "typ", "b64", "crit", "iat");
    /** A detached JWS header and signature are a few hundred characters. */
    public static final int MAX_CHARS = 4096;

    private DetachedJws() {
    }

    /** What a verification proved: which published key signed the content, and when the signer says it did. */
    public record Verified(VerificationKey key, Instant signedAt) {
    }

    /** The detached JWS ({@code header..signature}) of {@code content}, dated {@code signedAt} (seconds). */
    public static String sign(byte[] content, String typ, Instant signedAt, SigningKey key) {
        ObjectNode header = CompactJws.JSON.createObjectNode().put("alg", CompactJws.ALGORITHM).put("kid", key.kid())
                .put("typ", typ).put("b64", false).put("iat", signedAt.getEpochSecond());
        header.putArray("crit").add("b64");
        try {
            String encodedHeader = Base64Url.encode(CompactJws.JSON.writeValueAsBytes(header));
            return encodedHeader + ".." + Base64Url.encode(key.sign(signingInput(encodedHeader, content)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies that {@code jws} signs exactly {@code content} with a key of {@code trusted} that was not
     * retired before the signature's {@code iat}; every failure is a {@link VerificationException} saying why.
     */
    public static Verified verify(String jws, byte[] content, String expectedTyp, TrustedKeys trusted)
            throws VerificationException {
        if (jws == null || jws.isBlank()) {
            throw new VerificationException("the detached JWS is empty");
        }
        jws = jws.strip();
        if (jws.length() > MAX_CHARS) {
            throw new VerificationException("the detached JWS has " + jws.length() + " characters, over the limit of "
                    + MAX_CHARS);
        }
        int first = jws.indexOf('.');
        if (first < 0 || !jws.startsWith("..", first) || jws.indexOf('.', first + 2) >= 0) {
            throw new VerificationException("not a detached JWS (header..signature, with an empty payload part)");
        }
        String encodedHeader = jws.substring(0, first);
        ObjectNode header = header(encodedHeader);
        for (var names = header.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ALLOWED_HEADER.contains(name)) {
                throw new VerificationException("header parameter '" + name + "' is not accepted");
            }
        }
        if (!CompactJws.ALGORITHM.equals(header.path("alg").textValue())) {
            throw new VerificationException("algorithm " + header.path("alg") + " is not allowed (only EdDSA)");
        }
        if (!expectedTyp.equals(header.path("typ").textValue())) {
            throw new VerificationException("typ must be '" + expectedTyp + "', found " + header.path("typ"));
        }
        JsonNode crit = header.path("crit");
        if (!header.path("b64").isBoolean() || header.get("b64").booleanValue()
                || !crit.isArray() || crit.size() != 1 || !"b64".equals(crit.get(0).textValue())) {
            throw new VerificationException("the header must say \"b64\": false and \"crit\": [\"b64\"] (RFC 7797)");
        }
        if (!header.path("iat").isIntegralNumber() || header.get("iat").asLong() < 0) {
            throw new VerificationException("the header has no iat (epoch seconds)");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(header.get("iat").asLong());
        } catch (DateTimeException e) {
            throw new VerificationException("the header's iat is not a time in seconds", e);
        }
        String kid = header.path("kid").textValue();
        if (kid == null) {
            throw new VerificationException("the header has no kid");
        }
        VerificationKey key = trusted.find(kid).orElseThrow(() -> new VerificationException("key '"
                + (kid.length() > 64 ? kid.substring(0, 64) + "..." : kid) + "' is not in the trusted JWKS"));
        byte[] signature;
        try {
            signature = Base64Url.decode(jws.substring(first + 2), "signature");
        } catch (IllegalArgumentException e) {
            throw new VerificationException(e.getMessage(), e);
        }
        if (!key.verify(signingInput(encodedHeader, content), signature)) {
            throw new VerificationException("the signature does not verify with key " + kid
                    + ": the content is not what was signed");
        }
        key.requireActiveAt(signedAt, "this content");
        return new Verified(key, signedAt);
    }

    private static byte[] signingInput(String encodedHeader, byte[] content) {
        byte[] head = (encodedHeader + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[Math.addExact(head.length, content.length)];
        System.arraycopy(head, 0, input, 0, head.length);
        System.arraycopy(content, 0, input, head.length, content.length);
        return input;
    }

    private static ObjectNode header(String part) throws VerificationException {
        try {
            JsonNode node = CompactJws.JSON.readTree(Base64Url.decode(part, "header"));
            if (!(node instanceof ObjectNode object)) {
                throw new VerificationException("the JWS header is not a JSON object");
            }
            return object;
        } catch (IOException | IllegalArgumentException e) {
            throw new VerificationException("the JWS header is not valid base64url JSON", e);
        }
    }
}
