package io.iotseal.label.keys;

import java.time.Instant;

/** A private Ed25519 key with its key id. Holds the 32-byte seed; never serialised except into a keystore. */
public final class SigningKey {
    private final byte[] seed;
    private final VerificationKey verificationKey;

    public SigningKey(byte[] seed, Instant created) {
        this.seed = Ed25519Keys.copy(checked(seed));
        byte[] pub = Ed25519Keys.publicKey(this.seed);
        this.verificationKey = new VerificationKey(VerificationKey.kidOf(pub), pub, created, null);
    }

    /** A fresh key, for tests and for a keystore's first key. */
    public static SigningKey generate(Instant created) {
        return new SigningKey(Ed25519Keys.newSeed(), created);
    }

    private static byte[] checked(byte[] seed) {
        Ed25519Keys.checkLength(seed, Ed25519Keys.SEED_BYTES, "private key seed");
        return seed;
    }

    public String kid() {
        return verificationKey.kid();
    }

    public VerificationKey verificationKey() {
        return verificationKey;
    }

    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(seed, message);
    }

    byte[] seed() {
        return Ed25519Keys.copy(seed);
    }

    @Override
    public String toString() {
        return "Ed25519 signing key " + kid();
    }
}
