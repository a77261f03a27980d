package io.iotseal.label.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 primitives (RFC 8032) through BouncyCastle's low-level implementation: it verifies several
 * times faster than the JDK's own EdDSA provider on the machines we measured (ADR 0030), and offline
 * verification throughput is a requirement.
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

    /** False for any malformed key or signature: callers treat that exactly like a wrong signature. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES
                || signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
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
