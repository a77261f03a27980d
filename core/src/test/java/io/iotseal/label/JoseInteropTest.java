package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TestKeys;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.junit.jupiter.api.Test;

/** Our credentials against jose4j, an independent JOSE implementation (on the JDK's own EdDSA), both ways. */
class JoseInteropTest {
    private final SigningKey key = TestLabels.key();
    private final Instant now = Instant.parse("2027-06-01T00:00:00Z");

    @Test
    void jose4jVerifiesOurCredentialWithOurPublishedJwks() throws Exception {
        String credential = LabelCredential.sign(TestLabels.star1(), TestLabels.URLS, key);
        JsonWebKeySet jwks = new JsonWebKeySet(TestLabels.trusting(key).toJwks());
        JsonWebKey jwk = jwks.findJsonWebKey(key.kid(), null, null, null);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new org.jose4j.jwa.AlgorithmConstraints(
                org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA));
        jws.setCompactSerialization(credential);
        jws.setKey(jwk.getKey());

        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getHeader(HeaderParameterNames.TYPE)).isEqualTo("vc+jwt");
        var vc = JsonUtil.parseJson(jws.getPayload());
        assertThat(vc.get("validUntil")).isEqualTo("2028-11-22T23:59:59Z");
        // And a one-character change fails there too.
        JsonWebSignature tampered = new JsonWebSignature();
        int i = credential.indexOf('.') + 10;
        tampered.setCompactSerialization(credential.substring(0, i) + (credential.charAt(i) == 'A' ? 'B' : 'A')
                + credential.substring(i + 1));
        tampered.setKey(jwk.getKey());
        assertThat(tampered.verifySignature()).isFalse();
    }

    @Test
    void aCredentialSignedByJose4jWithOurKeyVerifiesWithOurs() throws Exception {
        String credential = LabelCredential.sign(TestLabels.star1(), TestLabels.URLS, key);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(credential.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader(HeaderParameterNames.TYPE, "vc+jwt");
        jws.setContentTypeHeaderValue("vc");
        jws.setKey(jdkPrivateKey(key));
        String theirs = jws.getCompactSerialization();

        assertThat(theirs.split("\\.")[0]).isNotEqualTo(credential.split("\\.")[0]);
        var result = new LabelVerifier(TestLabels.trusting(key)).verifyCredential(theirs, List.of(), now);
        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.VALID);
        assertThat(result.facts().orElseThrow().registrationNumber()).isEqualTo("JC-STAR-STAR-1-A0012345");
    }

    /** Our seed as a JDK Ed25519 private key, via its PKCS#8 encoding (RFC 8410). */
    private static PrivateKey jdkPrivateKey(SigningKey key) throws Exception {
        byte[] prefix = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] seed = TestKeys.seed(key);
        byte[] der = new byte[prefix.length + seed.length];
        System.arraycopy(prefix, 0, der, 0, prefix.length);
        System.arraycopy(seed, 0, der, prefix.length, seed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    }

}
