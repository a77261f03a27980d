package io.iotseal.label.keys;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Ed25519 signature verification (RFC 8032, section 5.1.7, cofactorless) for one fixed public key A,
 * about twice as fast as the general algorithm because both scalar multiplications use precomputed
 * comb tables: of the base point B (shared) and of -A (built once per key). It checks that
 * [S]B + [k](-A) encodes to exactly the R of the signature, with S < L and k = SHA-512(R || A || M)
 * mod L (ADR 0034). Only public data passes through here, so variable time is fine.
 *
 * <p>Agreement with BouncyCastle's and the JDK's verifiers is tested on random and corrupted
 * signatures, and with the JDK's on published edge cases ({@code Ed25519VectorsTest}); the key itself
 * is validated by BouncyCastle ({@link Ed25519Keys#validatePublicKey}) in the constructor.
 */
final class FixedKeyVerifier {
    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] ORDER_LITTLE_ENDIAN = littleEndian(ORDER);
    private static final MessageDigest SHA512 = sha512();

    private final byte[] publicKey;
    private final CombTable negatedKey;

    /** The base point's table, built on first use. */
    private static final class Base {
        static final CombTable TABLE = baseTable();
    }

    /**
     * @throws IllegalArgumentException for a key that is not a canonical point of the prime-order subgroup
     *     (small-order, mixed-order, non-canonical, the identity): refused here, not only by the callers,
     *     since the equation alone accepts forgeries under a small-order key (ADR 0034)
     */
    FixedKeyVerifier(byte[] publicKey) {
        Ed25519Keys.validatePublicKey(publicKey);
        this.publicKey = publicKey.clone();
        this.negatedKey = negatedTable(this.publicKey);
    }

    /** The comb table of -A; refuses bytes that do not decode to a point. */
    static CombTable negatedTable(byte[] publicKey) {
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        if (!EdwardsPoint.decode(publicKey, x, y)) {
            throw new IllegalArgumentException("public key is not a valid Ed25519 point");
        }
        X25519Field.negate(x, x);
        X25519Field.normalize(x);
        return CombTable.of(x, y);
    }

    boolean verify(byte[] message, byte[] signature) {
        return verify(publicKey, negatedKey, message, signature);
    }

    /**
     * The cofactorless equation for the key {@code publicKey} whose negation's table is {@code negatedKey}:
     * [S]B + [k](-A) must encode to exactly R. No key check here: that is the constructor's job; the tests
     * call this directly to compare the equation alone with the JDK's on keys the constructor refuses.
     */
    static boolean verify(byte[] publicKey, CombTable negatedKey, byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519Keys.SIGNATURE_BYTES || message == null) {
            return false;
        }
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        if (!lessThanOrder(s)) {
            return false;                            // S >= L: a malleated signature
        }
        MessageDigest digest = digest();
        digest.update(signature, 0, 32);
        digest.update(publicKey);
        digest.update(message);
        byte[] k = reduce(digest.digest());
        EdwardsPoint acc = new EdwardsPoint().identity();
        CombTable base = Base.TABLE;
        for (int column = CombTable.SPACING - 1; column >= 0; column--) {
            if (column != CombTable.SPACING - 1) {
                acc.twice();
            }
            base.addColumn(acc, s, column);
            negatedKey.addColumn(acc, k, column);
        }
        return Arrays.equals(acc.encode(), 0, 32, signature, 0, 32);
    }

    private static boolean lessThanOrder(byte[] littleEndian) {
        for (int i = 31; i >= 0; i--) {
            int a = littleEndian[i] & 0xFF;
            int b = ORDER_LITTLE_ENDIAN[i] & 0xFF;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    /** A 64-byte little-endian hash reduced mod L, as 32 little-endian bytes. */
    static byte[] reduce(byte[] hash) {
        byte[] bigEndian = new byte[hash.length];
        for (int i = 0; i < hash.length; i++) {
            bigEndian[i] = hash[hash.length - 1 - i];
        }
        return littleEndian(new BigInteger(1, bigEndian).mod(ORDER));
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < bigEndian.length && i < 32; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static CombTable baseTable() {
        // B = (x, 4/5) with x even (RFC 8032, section 5.1): encoded as 0x58 followed by 31 bytes 0x66.
        byte[] encoded = new byte[32];
        Arrays.fill(encoded, (byte) 0x66);
        encoded[0] = 0x58;
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        if (!EdwardsPoint.decode(encoded, x, y)) {
            throw new IllegalStateException("the Ed25519 base point does not decode");
        }
        return CombTable.of(x, y);
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA512.clone();
        } catch (CloneNotSupportedException e) {
            return sha512();
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JDK", e);
        }
    }
}
