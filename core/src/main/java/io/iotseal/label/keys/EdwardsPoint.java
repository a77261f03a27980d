package io.iotseal.label.keys;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A mutable point of edwards25519 (-x² + y² = 1 + d·x²·y²) in extended coordinates X:Y:Z:T with
 * x = X/Z, y = Y/Z, T = XY/Z, over BouncyCastle's public field arithmetic ({@link X25519Field}).
 * Only the fast verifier uses it (ADR 0034): every input there is public, so nothing here is
 * constant-time, and nothing here ever touches a private key.
 *
 * <p>Formulas: Hisil, Wong, Carter, Dawson, "Twisted Edwards curves revisited" (2008), for a = -1;
 * the unified addition is complete on this curve, so the identity needs no special case.
 */
final class EdwardsPoint {
    static final int[] D = curveD();
    static final int[] TWO_D = twice(D);

    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();

    /** Scratch space, so that the hot loop allocates nothing. */
    private final int[] a = X25519Field.create();
    private final int[] b = X25519Field.create();
    private final int[] c = X25519Field.create();
    private final int[] d = X25519Field.create();
    private final int[] e = X25519Field.create();
    private final int[] f = X25519Field.create();
    private final int[] g = X25519Field.create();
    private final int[] h = X25519Field.create();

    /** Sets this point to the neutral element (0, 1). */
    EdwardsPoint identity() {
        X25519Field.zero(x);
        X25519Field.one(y);
        X25519Field.one(z);
        X25519Field.zero(t);
        return this;
    }

    EdwardsPoint set(EdwardsPoint p) {
        X25519Field.copy(p.x, 0, x, 0);
        X25519Field.copy(p.y, 0, y, 0);
        X25519Field.copy(p.z, 0, z, 0);
        X25519Field.copy(p.t, 0, t, 0);
        return this;
    }

    /** Sets this point to the affine (x, y), whose coordinates are carried field elements. */
    EdwardsPoint setAffine(int[] ax, int[] ay) {
        X25519Field.copy(ax, 0, x, 0);
        X25519Field.copy(ay, 0, y, 0);
        X25519Field.one(z);
        X25519Field.mul(ax, ay, t);
        return this;
    }

    /** this = 2·this (dbl-2008-hwcd). T is computed too, so any operation may follow. */
    void twice() {
        X25519Field.sqr(x, a);
        X25519Field.sqr(y, b);
        X25519Field.sqr(z, c);
        X25519Field.add(c, c, c);
        X25519Field.add(x, y, e);
        X25519Field.sqr(e, e);
        X25519Field.sub(e, a, e);
        X25519Field.sub(e, b, e);
        X25519Field.carry(e);                 // E = (X+Y)² - A - B
        X25519Field.sub(b, a, g);             // G = B - A          (D = aA = -A)
        X25519Field.sub(g, c, f);
        X25519Field.carry(f);                 // F = G - C
        X25519Field.add(a, b, h);
        X25519Field.negate(h, h);
        X25519Field.carry(h);                 // H = -A - B
        X25519Field.carry(g);
        finish();
    }

    /**
     * this += q, where q is a precomputed affine point given as y+x, y-x and 2d·x·y
     * (madd-2008-hwcd-3 with Z2 = 1).
     */
    void addPrecomputed(int[] yPlusX, int[] yMinusX, int[] xy2d) {
        X25519Field.sub(y, x, a);
        X25519Field.mul(a, yMinusX, a);       // A = (Y1-X1)(y2-x2)
        X25519Field.add(y, x, b);
        X25519Field.mul(b, yPlusX, b);        // B = (Y1+X1)(y2+x2)
        X25519Field.mul(t, xy2d, c);          // C = T1·2d·x2·y2
        X25519Field.add(z, z, d);             // D = 2·Z1
        combine();
    }

    /** this += q for a point in extended coordinates (add-2008-hwcd-3); used to build tables. */
    void add(EdwardsPoint q) {
        X25519Field.sub(y, x, a);
        X25519Field.sub(q.y, q.x, e);
        X25519Field.mul(a, e, a);             // A = (Y1-X1)(Y2-X2)
        X25519Field.add(y, x, b);
        X25519Field.add(q.y, q.x, e);
        X25519Field.mul(b, e, b);             // B = (Y1+X1)(Y2+X2)
        X25519Field.mul(t, q.t, c);
        X25519Field.mul(c, TWO_D, c);         // C = T1·2d·T2
        X25519Field.mul(z, q.z, d);
        X25519Field.add(d, d, d);             // D = 2·Z1·Z2
        combine();
    }

    /** E = B - A, F = D - C, G = D + C, H = B + A; then X3 = EF, Y3 = GH, Z3 = FG, T3 = EH. */
    private void combine() {
        X25519Field.sub(b, a, e);
        X25519Field.add(b, a, h);
        X25519Field.sub(d, c, f);
        X25519Field.add(d, c, g);
        X25519Field.carry(e);
        X25519Field.carry(f);
        X25519Field.carry(g);
        X25519Field.carry(h);
        finish();
    }

    private void finish() {
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        X25519Field.mul(f, g, z);
        X25519Field.mul(e, h, t);
    }

    /** The 32-byte RFC 8032 encoding: y, with the parity of x in the top bit. */
    byte[] encode() {
        int[] inverse = X25519Field.create();
        int[] ax = X25519Field.create();
        int[] ay = X25519Field.create();
        X25519Field.invVar(z, inverse);
        X25519Field.mul(x, inverse, ax);
        X25519Field.mul(y, inverse, ay);
        X25519Field.normalize(ax);
        X25519Field.normalize(ay);
        byte[] out = new byte[32];
        X25519Field.encode(ay, out, 0);
        byte[] xBytes = new byte[32];
        X25519Field.encode(ax, xBytes, 0);
        out[31] |= (byte) ((xBytes[0] & 1) << 7);
        return out;
    }

    /**
     * Decodes an RFC 8032 point encoding into the affine {@code ax}, {@code ay}; false when the bytes
     * are not a point. Callers validate keys with BouncyCastle first; this only recovers x.
     */
    static boolean decode(byte[] encoded, int[] ax, int[] ay) {
        byte[] yBytes = encoded.clone();
        int sign = (yBytes[31] & 0x80) >>> 7;
        yBytes[31] &= 0x7F;
        X25519Field.decode(yBytes, 0, ay);
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(ay, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u);                // u = y² - 1
        X25519Field.addOne(v);                // v = d·y² + 1
        X25519Field.carry(u);
        X25519Field.carry(v);
        if (!X25519Field.sqrtRatioVar(u, v, ax)) {
            return false;
        }
        X25519Field.normalize(ax);
        byte[] xBytes = new byte[32];
        X25519Field.encode(ax, xBytes, 0);
        if ((xBytes[0] & 1) != sign) {
            if (X25519Field.isZeroVar(ax)) {
                return false;
            }
            X25519Field.negate(ax, ax);
            X25519Field.normalize(ax);
        }
        X25519Field.normalize(ay);
        return true;
    }

    /** Makes this point affine with {@code inverseZ} and writes y+x, y-x and 2d·x·y into the arrays. */
    void storePrecomputed(int[] inverseZ, int[] yPlusX, int[] yMinusX, int[] xy2d) {
        X25519Field.mul(x, inverseZ, a);
        X25519Field.mul(y, inverseZ, b);
        X25519Field.add(b, a, yPlusX);
        X25519Field.sub(b, a, yMinusX);
        X25519Field.normalize(yPlusX);
        X25519Field.normalize(yMinusX);
        X25519Field.mul(a, b, xy2d);
        X25519Field.mul(xy2d, TWO_D, xy2d);
        X25519Field.normalize(xy2d);
    }

    private static int[] curveD() {
        // d = -121665 / 121666 (RFC 8032, section 5.1)
        int[] numerator = X25519Field.create();
        int[] denominator = X25519Field.create();
        numerator[0] = 121665;
        denominator[0] = 121666;
        int[] result = X25519Field.create();
        X25519Field.invVar(denominator, result);
        X25519Field.mul(result, numerator, result);
        X25519Field.negate(result, result);
        X25519Field.normalize(result);
        return result;
    }

    private static int[] twice(int[] value) {
        int[] result = X25519Field.create();
        X25519Field.add(value, value, result);
        X25519Field.normalize(result);
        return result;
    }
}
