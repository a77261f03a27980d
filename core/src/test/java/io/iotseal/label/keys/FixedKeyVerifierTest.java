package io.iotseal.label.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * The comb-table verifier must agree with two independent implementations, BouncyCastle's and the
 * JDK's, on good signatures and on every kind of bad one.
 */
class FixedKeyVerifierTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private final Random random = new Random(20261129);

    @Test
    void curveConstantAndBasePointAreTheOnesOfRfc8032() {
        BigInteger d = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
        assertThat(toBigInteger(EdwardsPoint.D)).isEqualTo(d);
        byte[] encoded = new byte[32];
        Arrays.fill(encoded, (byte) 0x66);
        encoded[0] = 0x58;
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        assertThat(EdwardsPoint.decode(encoded, x, y)).isTrue();
        assertThat(toBigInteger(x)).isEqualTo(new BigInteger(
                "15112221349535400772501151409588531511454012693041857206046113283949847762202"));
        assertThat(toBigInteger(y)).isEqualTo(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P));
    }

    @Test
    void agreesWithBouncyCastleOnGoodAndCorruptedSignatures() {
        for (int round = 0; round < 300; round++) {
            byte[] seed = Ed25519Keys.newSeed();
            byte[] publicKey = Ed25519Keys.publicKey(seed);
            FixedKeyVerifier verifier = new FixedKeyVerifier(publicKey);
            for (int n = 0; n < 5; n++) {
                byte[] message = new byte[random.nextInt(1500)];
                random.nextBytes(message);
                byte[] signature = Ed25519Keys.sign(seed, message);
                assertThat(verifier.verify(message, signature)).as("round %d", round).isTrue();
                assertThat(bouncyCastle(publicKey, message, signature)).isTrue();

                byte[] badSignature = signature.clone();
                badSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                assertThat(verifier.verify(message, badSignature)).isFalse();
                assertThat(bouncyCastle(publicKey, message, badSignature)).isFalse();

                if (message.length > 0) {
                    byte[] badMessage = message.clone();
                    badMessage[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                    assertThat(verifier.verify(badMessage, signature)).isFalse();
                }
            }
        }
    }

    @Test
    void verifiesSignaturesOfTheJdkSigner() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int round = 0; round < 50; round++) {
            KeyPair pair = generator.generateKeyPair();
            byte[] publicKey = rawPublicKey((EdECPublicKey) pair.getPublic());
            byte[] message = new byte[random.nextInt(400)];
            random.nextBytes(message);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            byte[] signature = signer.sign();
            assertThat(new FixedKeyVerifier(publicKey).verify(message, signature)).isTrue();
            assertThat(jdk(publicKey, message, signature)).isTrue();
        }
    }

    @Test
    void refusesAMalleatedSignatureWithSPlusTheGroupOrder() {
        byte[] seed = Ed25519Keys.newSeed();
        byte[] publicKey = Ed25519Keys.publicKey(seed);
        byte[] message = "label".getBytes();
        byte[] signature = Ed25519Keys.sign(seed, message);
        BigInteger s = littleEndianValue(Arrays.copyOfRange(signature, 32, 64));
        byte[] malleated = signature.clone();
        System.arraycopy(littleEndian(s.add(FixedKeyVerifier.ORDER)), 0, malleated, 32, 32);
        // S + L still satisfies the group equation; only the S < L check stops it.
        assertThat(new FixedKeyVerifier(publicKey).verify(message, malleated)).isFalse();
        assertThat(bouncyCastle(publicKey, message, malleated)).isFalse();
    }

    @Test
    void refusesAWrongKeyAndMalformedInput() {
        byte[] seed = Ed25519Keys.newSeed();
        byte[] message = "label".getBytes();
        byte[] signature = Ed25519Keys.sign(seed, message);
        byte[] otherKey = Ed25519Keys.publicKey(Ed25519Keys.newSeed());
        assertThat(new FixedKeyVerifier(otherKey).verify(message, signature)).isFalse();

        FixedKeyVerifier verifier = new FixedKeyVerifier(Ed25519Keys.publicKey(seed));
        assertThat(verifier.verify(message, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(verifier.verify(message, null)).isFalse();
        assertThat(verifier.verify(null, signature)).isFalse();
    }

    /**
     * Signatures whose R has a small-order part, made with the private key so that they satisfy the
     * equation they aim at: R = the identity satisfies the cofactorless one and is accepted, as by the JDK
     * (only the key's holder can make it, so it forges nothing); R = a point of order 8, alone or added to
     * [r]B, satisfies only the cofactored equation and is refused, as by the JDK, while BouncyCastle
     * (cofactored) accepts it: a verifier that multiplied by the cofactor would fail this test.
     */
    @Test
    void aSmallOrderRPassesOnlyWhereTheCofactorlessEquationHolds() throws Exception {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        byte[] publicKey = Ed25519Keys.publicKey(seed);
        FixedKeyVerifier verifier = new FixedKeyVerifier(publicKey);
        byte[] message = "small-order R".getBytes();
        BigInteger a = secretScalar(seed);

        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] identityR = signWithR(identity, BigInteger.ZERO, a, publicKey, message);
        assertThat(jdk(publicKey, message, identityR)).isTrue();
        assertThat(verifier.verify(message, identityR)).isTrue();

        byte[] order8 = HexFormat.of().parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa");
        byte[] smallR = signWithR(order8, BigInteger.ZERO, a, publicKey, message);
        assertThat(bouncyCastle(publicKey, message, smallR)).as("cofactored accepts").isTrue();
        assertThat(jdk(publicKey, message, smallR)).isFalse();
        assertThat(verifier.verify(message, smallR)).isFalse();

        byte[] otherSeed = new byte[32];
        random.nextBytes(otherSeed);
        BigInteger r = secretScalar(otherSeed);                       // [r]B is otherSeed's public key
        byte[] mixedR = sum(Ed25519Keys.publicKey(otherSeed), order8);
        byte[] mixed = signWithR(mixedR, r, a, publicKey, message);
        assertThat(bouncyCastle(publicKey, message, mixed)).as("cofactored accepts").isTrue();
        assertThat(jdk(publicKey, message, mixed)).isFalse();
        assertThat(verifier.verify(message, mixed)).isFalse();
    }

    /** R || S with S = r + k·a mod L, k = SHA-512(R || A || M): what a signer holding a makes for this R. */
    private static byte[] signWithR(byte[] r, BigInteger nonce, BigInteger a, byte[] publicKey, byte[] message)
            throws Exception {
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        sha512.update(r);
        sha512.update(publicKey);
        sha512.update(message);
        BigInteger k = littleEndianValue(sha512.digest()).mod(FixedKeyVerifier.ORDER);
        BigInteger s = nonce.add(k.multiply(a)).mod(FixedKeyVerifier.ORDER);
        byte[] signature = Arrays.copyOf(r, 64);
        System.arraycopy(littleEndian(s), 0, signature, 32, 32);
        return signature;
    }

    /** The clamped secret scalar of a seed (RFC 8032, section 5.1.5). */
    private static BigInteger secretScalar(byte[] seed) throws Exception {
        byte[] h = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        return littleEndianValue(h);
    }

    private static byte[] sum(byte[] p, byte[] q) {
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        assertThat(EdwardsPoint.decode(p, x, y)).isTrue();
        EdwardsPoint sum = new EdwardsPoint().setAffine(x, y);
        assertThat(EdwardsPoint.decode(q, x, y)).isTrue();
        sum.add(new EdwardsPoint().setAffine(x, y));
        return sum.encode();
    }

    @Test
    void reducesTheLargestHashModuloTheGroupOrder() {
        byte[] hash = new byte[64];
        Arrays.fill(hash, (byte) 0xFF);
        BigInteger expected = BigInteger.TWO.pow(512).subtract(BigInteger.ONE).mod(FixedKeyVerifier.ORDER);
        assertThat(littleEndianValue(FixedKeyVerifier.reduce(hash))).isEqualTo(expected);
    }

    @Test
    void refusesAPublicKeyThatIsNotAPoint() {
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;                                  // y = 2 gives no x on the curve
        assertThatThrownBy(() -> new FixedKeyVerifier(notAPoint)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    private static boolean jdk(byte[] publicKey, byte[] message, byte[] signature) throws Exception {
        byte[] yBytes = publicKey.clone();
        boolean xOdd = (yBytes[31] & 0x80) != 0;
        yBytes[31] &= 0x7F;
        EdECPoint point = new EdECPoint(xOdd, littleEndianValue(yBytes));
        var key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static byte[] rawPublicKey(EdECPublicKey key) {
        byte[] out = littleEndian(key.getPoint().getY());
        if (key.getPoint().isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static BigInteger toBigInteger(int[] element) {
        int[] copy = X25519Field.create();
        X25519Field.copy(element, 0, copy, 0);
        X25519Field.normalize(copy);
        byte[] bytes = new byte[32];
        X25519Field.encode(copy, bytes, 0);
        return littleEndianValue(bytes);
    }

    private static BigInteger littleEndianValue(byte[] littleEndian) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
