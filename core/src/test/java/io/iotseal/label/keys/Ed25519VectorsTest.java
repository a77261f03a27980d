package io.iotseal.label.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Published Ed25519 vectors, kept as data ({@code ed25519/vectors.json}, each set with its source): RFC 8032's
 * test vectors must sign and verify; the edge cases of "Taming the many EdDSAs" (small-order, mixed-order and
 * non-canonical keys and R, S >= L) must meet IoTSeal's stated behaviour (ADR 0034): keys outside the
 * prime-order subgroup refused, the rest judged by the cofactorless equation exactly as the JDK judges them.
 */
class Ed25519VectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode VECTORS = load();

    @Test
    void rfc8032VectorsSignAndVerify() {
        assertThat(VECTORS.get("rfc8032")).hasSize(5);
        for (JsonNode v : VECTORS.get("rfc8032")) {
            byte[] seed = hex(v, "secretKey");
            byte[] publicKey = hex(v, "publicKey");
            byte[] message = hex(v, "message");
            byte[] signature = hex(v, "signature");
            String name = v.get("name").asText();
            assertThat(Ed25519Keys.publicKey(seed)).as(name).isEqualTo(publicKey);
            assertThat(Ed25519Keys.sign(seed, message)).as(name).isEqualTo(signature);
            FixedKeyVerifier verifier = new FixedKeyVerifier(publicKey);
            assertThat(verifier.verify(message, signature)).as(name).isTrue();
            byte[] changed = message.length == 0 ? new byte[] {0} : message.clone();
            changed[0] ^= 1;
            assertThat(verifier.verify(changed, signature)).as(name + ", message changed").isFalse();
        }
    }

    @Test
    void tamingTheManyEdDsasVectorsMeetOurStatedBehaviour() throws Exception {
        assertThat(VECTORS.get("taming")).hasSize(12);
        for (JsonNode v : VECTORS.get("taming")) {
            String name = "vector " + v.get("number").asInt() + ": " + v.get("case").asText();
            byte[] publicKey = hex(v, "publicKey");
            byte[] message = hex(v, "message");
            byte[] signature = hex(v, "signature");
            assertThat(ours(publicKey, message, signature)).as(name).isEqualTo(v.get("expected").asText());
            String jdk = v.get("jdk").asText();
            assertThat(jdk(publicKey, message, signature) ? "valid" : "invalid").as("JDK, " + name).isEqualTo(jdk);
            // Without the key check, our equation judges like the JDK's: cofactorless, strict S and R.
            assertThat(equationAlone(publicKey, message, signature) ? "valid" : "invalid").as("equation, " + name)
                    .isEqualTo(jdk);
        }
    }

    @Test
    void smallOrderAndNonCanonicalKeysAreRefusedByTheVerifierItself() {
        for (String set : new String[] {"smallOrderKeys", "nonCanonicalKeys"}) {
            JsonNode keys = VECTORS.get(set).get("keys");
            assertThat(keys).isNotEmpty();
            for (JsonNode key : keys) {
                byte[] publicKey = HEX.parseHex(key.asText());
                assertThatThrownBy(() -> new FixedKeyVerifier(publicKey)).as(set + " " + key.asText())
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> new VerificationKey("k", publicKey, null, null)).as(set + " " + key.asText())
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** "key refused", "valid" or "invalid": what IoTSeal's verifier makes of a vector. */
    private static String ours(byte[] publicKey, byte[] message, byte[] signature) {
        FixedKeyVerifier verifier;
        try {
            verifier = new FixedKeyVerifier(publicKey);
        } catch (IllegalArgumentException e) {
            return "key refused";
        }
        return verifier.verify(message, signature) ? "valid" : "invalid";
    }

    private static boolean equationAlone(byte[] publicKey, byte[] message, byte[] signature) {
        CombTable negated;
        try {
            negated = FixedKeyVerifier.negatedTable(publicKey);
        } catch (IllegalArgumentException notAPoint) {
            return false;
        }
        return FixedKeyVerifier.verify(publicKey, negated, message, signature);
    }

    /** The JDK's verifier (SunEC); an exception (S too large, R or A not a point) counts as a refusal. */
    static boolean jdk(byte[] publicKey, byte[] message, byte[] signature) {
        byte[] y = publicKey.clone();
        boolean xOdd = (y[31] & 0x80) != 0;
        y[31] &= 0x7F;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = y[31 - i];
        }
        try {
            var key = KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                    new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] hex(JsonNode vector, String field) {
        return HEX.parseHex(vector.get(field).asText());
    }

    private static JsonNode load() {
        try (InputStream in = Ed25519VectorsTest.class.getResourceAsStream("/ed25519/vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
