package io.iotseal.label.keys;

import io.iotseal.digest.Sha256;
import io.iotseal.label.jose.Base64Url;
import io.iotseal.label.jose.VerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A public Ed25519 key of a scheme operator, as published in its JWKS. A key that was rotated out is
 * {@code retired}: it no longer signs, but labels it signed before its retirement still verify.
 */
public final class VerificationKey {
    /** Characters of the RFC 7638 thumbprint used as key id: 66 bits, short enough for the QR token. */
    public static final int KID_LENGTH = 11;

    private final String kid;
    private final byte[] publicKey;
    /** Built at the first verification: a JWKS may list keys that never verify anything here. */
    private volatile FixedKeyVerifier verifier;
    private final Instant created;
    private final Instant retired;

    public VerificationKey(String kid, byte[] publicKey, Instant created, Instant retired) {
        Ed25519Keys.checkLength(publicKey, Ed25519Keys.PUBLIC_KEY_BYTES, "public key 'x'");
        if (kid == null || !kid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("kid '" + kid + "' must be 1-64 base64url characters");
        }
        this.kid = kid;
        this.publicKey = Ed25519Keys.copy(publicKey);
        Ed25519Keys.validatePublicKey(publicKey);
        this.created = created;
        this.retired = retired;
    }

    /** The key id IoTSeal gives a public key: the start of its RFC 7638 JWK thumbprint. */
    public static String kidOf(byte[] publicKey) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.encode(publicKey) + "\"}";
        return Base64Url.encode(Sha256.digest(canonical.getBytes(StandardCharsets.UTF_8))).substring(0, KID_LENGTH);
    }

    /** False for a wrong or malformed signature. */
    public boolean verify(byte[] message, byte[] signature) {
        FixedKeyVerifier current = verifier;
        if (current == null) {
            current = new FixedKeyVerifier(publicKey);
            verifier = current;
        }
        return current.verify(message, signature);
    }

    public String kid() {
        return kid;
    }

    public byte[] publicKey() {
        return Ed25519Keys.copy(publicKey);
    }

    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    public Optional<Instant> retired() {
        return Optional.ofNullable(retired);
    }

    /**
     * Refuses what this key signed if it is dated after the key's retirement (ADR 0032): a retired key
     * signs nothing new, whether label, QR token or status list. Every reader of a credential calls this
     * with the date the credential takes effect ({@code validFrom}).
     */
    public void requireActiveAt(Instant dated, String what) throws VerificationException {
        if (retired != null && dated.isAfter(retired)) {
            throw new VerificationException("key " + kid + " was retired at " + retired + " but signed " + what
                    + " valid from " + dated);
        }
    }

    public VerificationKey retiredAt(Instant when) {
        return new VerificationKey(kid, publicKey, created, when);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey k && k.kid.equals(kid) && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519 key " + kid + (retired == null ? "" : " (retired " + retired + ")");
    }
}
