package io.iotseal.label.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 primitives (RFC 8032) through BouncyCastle's low-level implementation: key generation,
 * signing and key validation. Verification has its own faster path for fixed keys
 * ({@link FixedKeyVerifier}, ADR 0034), since offline verification throughput is a requirement.
 */
public final class Ed25519Keys {
    public static final int SEED_BYTES = Ed25519.SECRET_KEY_SIZE;
    public static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Ed25519.precompute();
    }

    private Ed25519Keys() {
    }

    public static byte[] newSeed() {
        byte[] seed = new byte[SEED_BYTES];
        RANDOM.nextBytes(seed);
        return seed;
    }

    public static byte[] publicKey(byte[] seed) {
        checkLength(seed, SEED_BYTES, "private key seed");
        byte[] pub = new byte[PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(seed, 0, pub, 0);
        return pub;
    }

    public static byte[] sign(byte[] seed, byte[] message) {
        checkLength(seed, SEED_BYTES, "private key seed");
        byte[] signature = new byte[SIGNATURE_BYTES];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * Refuses a public key that is not a point of the prime-order subgroup (BouncyCastle's full
     * validation: on the curve, canonical, not of small order), before any signature is checked with it.
     */
    static void validatePublicKey(byte[] publicKey) {
        checkLength(publicKey, PUBLIC_KEY_BYTES, "public key");
        if (!Ed25519.validatePublicKeyFull(publicKey, 0)) {
            throw new IllegalArgumentException("public key is not a valid Ed25519 point");
        }
    }

    static void checkLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, found "
                    + (bytes == null ? "none" : bytes.length));
        }
    }

    static byte[] copy(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length);
    }
}
