package io.iotseal.label.keys;

/** Lets the interoperability test hand our private key to another JOSE library. */
public final class TestKeys {
    private TestKeys() {
    }

    public static byte[] seed(SigningKey key) {
        return key.seed();
    }
}
