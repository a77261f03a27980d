package io.iotseal.label.jose;

import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TestKeys;
import io.iotseal.label.keys.TrustedKeys;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The detached, unencoded-payload JWS (RFC 7515 Appendix F, RFC 7797) of the open-data dump (ADR 0083),
 * checked against jose4j, a JOSE implementation we did not write, in both directions.
 */
class DetachedJwsTest {

    private static final String TYP = "iotseal-label-dump";
    private final Instant signedAt = Instant.parse("2026-12-01T03:00:00Z");
    private final SigningKey key = SigningKey.generate(signedAt.minusSeconds(86_400));
    private final TrustedKeys trusted = new TrustedKeys(List.of(key.verificationKey()));
    /** Bytes no base64 or JSON would take as they are: a gzip header, a '.', a NUL and a high byte. */
    private final byte[] content = HexFormat.of().parseHex("1f8b0800000000000000" + "2e00ff41");

    @Test
    void jose4jVerifiesOurSignatureAgainstOurJwksAndRefusesOneChangedByte() throws Exception {
        String detached = DetachedJws.sign(content, TYP, signedAt, key);
        assertThat(detached).contains("..");
        assertThat(jose4j(detached, content)).isTrue();

        byte[] tampered = content.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(jose4j(detached, tampered)).isFalse();
        assertThatThrownBy(() -> DetachedJws.verify(detached, tampered, TYP, trusted))
                .isInstanceOf(VerificationException.class).hasMessageContaining("not what was signed");
    }

    @Test
    void aDetachedSignatureMadeByJose4jVerifiesWithOurs() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayloadBytes(content);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader(HeaderParameterNames.TYPE, TYP);
        jws.getHeaders().setObjectHeaderValue(HeaderParameterNames.BASE64URL_ENCODE_PAYLOAD, false);
        jws.getHeaders().setObjectHeaderValue("iat", signedAt.getEpochSecond());
        jws.setCriticalHeaderNames(HeaderParameterNames.BASE64URL_ENCODE_PAYLOAD);
        jws.setKey(jdkPrivateKey(key));
        String theirs = jws.getDetachedContentCompactSerialization();

        DetachedJws.Verified verified = DetachedJws.verify(theirs, content, TYP, trusted);
        assertThat(verified.key().kid()).isEqualTo(key.kid());
        assertThat(verified.signedAt()).isEqualTo(signedAt);
    }

    @Test
    void refusesAnotherTypAnEncodedPayloadAnUnknownKeyAndAKeyRetiredBeforeTheSignature() {
        String detached = DetachedJws.sign(content, TYP, signedAt, key);
        assertThatThrownBy(() -> DetachedJws.verify(detached, content, "vc+jwt", trusted))
                .hasMessageContaining("typ");
        // The same signature with its header claiming a base64url payload: refused before any key is used.
        String header = new String(Base64Url.decode(detached.substring(0, detached.indexOf('.')), "h"),
                StandardCharsets.UTF_8).replace("\"b64\":false", "\"b64\":true");
        String encoded = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + detached.substring(detached.indexOf('.'));
        assertThatThrownBy(() -> DetachedJws.verify(encoded, content, TYP, trusted)).hasMessageContaining("RFC 7797");
        SigningKey other = SigningKey.generate(signedAt);
        assertThatThrownBy(() -> DetachedJws.verify(detached, content, TYP,
                new TrustedKeys(List.of(other.verificationKey())))).hasMessageContaining("not in the trusted JWKS");
        TrustedKeys retired = new TrustedKeys(List.of(key.verificationKey().retiredAt(signedAt.minusSeconds(1))));
        assertThatThrownBy(() -> DetachedJws.verify(detached, content, TYP, retired)).hasMessageContaining("retired");
        // A compact JWS with its payload attached is not a detached one.
        assertThatThrownBy(() -> DetachedJws.verify(detached.replace("..", ".e30."), content, TYP, trusted))
                .hasMessageContaining("not a detached JWS");
    }

    /** jose4j's answer: EdDSA only, the key found by kid in our published JWKS, the payload unencoded. */
    private boolean jose4j(String detached, byte[] payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.EDDSA));
        jws.setKnownCriticalHeaders(HeaderParameterNames.BASE64URL_ENCODE_PAYLOAD);
        jws.setCompactSerialization(detached);
        jws.setPayloadBytes(payload);
        JsonWebKey jwk = new JsonWebKeySet(trusted.toJwks()).findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null);
        jws.setKey(jwk.getKey());
        return jws.verifySignature();
    }

    /** Our seed as a JDK Ed25519 private key, via its PKCS#8 encoding (RFC 8410). */
    private static PrivateKey jdkPrivateKey(SigningKey key) throws Exception {
        byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] seed = TestKeys.seed(key);
        byte[] der = new byte[prefix.length + seed.length];
        System.arraycopy(prefix, 0, der, 0, prefix.length);
        System.arraycopy(seed, 0, der, prefix.length, seed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    }
}
