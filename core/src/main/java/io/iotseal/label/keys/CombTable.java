package io.iotseal.label.keys;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Precomputed multiples of one fixed point P for the comb method (Lim and Lee, 1994), laid out so
 * that a scalar's bytes index it directly: the 256 scalar bits form 4 blocks of 8 teeth, tooth i of
 * block j standing for byte 8j+i; column k of the comb takes bit k of each of those bytes. Entry m of
 * block j is the sum of 2^(8(8j+i))·P over the bits i set in m. A multiplication then costs 7
 * doublings and at most 32 additions of precomputed affine points, instead of the ~250 doublings a
 * variable point needs; and two such multiplications share the doublings (ADR 0034).
 *
 * <p>About 120 KB per point; built once per verification key, in about as much time as a few hundred
 * signature checks.
 */
final class CombTable {
    static final int BLOCKS = 4;
    static final int TEETH = 8;
    static final int SPACING = 8;
    private static final int ENTRIES = 1 << TEETH;

    /** Entry m of block j at index j·256 + m; index m = 0 (the identity) is never used. */
    private final int[][] yPlusX = new int[BLOCKS * ENTRIES][];
    private final int[][] yMinusX = new int[BLOCKS * ENTRIES][];
    private final int[][] xy2d = new int[BLOCKS * ENTRIES][];

    private CombTable() {
    }

    /** The table of the affine point (x, y). */
    static CombTable of(int[] x, int[] y) {
        EdwardsPoint[] powers = new EdwardsPoint[BLOCKS * TEETH];
        EdwardsPoint running = new EdwardsPoint().setAffine(x, y);
        for (int n = 0; n < powers.length; n++) {
            powers[n] = new EdwardsPoint().set(running);
            for (int k = 0; k < SPACING; k++) {
                running.twice();                      // running = 2^(8(n+1))·P
            }
        }
        EdwardsPoint[] entries = new EdwardsPoint[BLOCKS * ENTRIES];
        for (int j = 0; j < BLOCKS; j++) {
            for (int m = 1; m < ENTRIES; m++) {
                int top = 31 - Integer.numberOfLeadingZeros(m);
                EdwardsPoint entry = new EdwardsPoint().set(powers[j * TEETH + top]);
                int rest = m & ~(1 << top);
                if (rest != 0) {
                    entry.add(entries[j * ENTRIES + rest]);
                }
                entries[j * ENTRIES + m] = entry;
            }
        }
        CombTable table = new CombTable();
        table.storeAffine(entries);
        return table;
    }

    /**
     * Adds, for comb column {@code column}, this table's entries selected by {@code scalar} (32
     * little-endian bytes) to {@code acc}.
     */
    void addColumn(EdwardsPoint acc, byte[] scalar, int column) {
        for (int j = 0; j < BLOCKS; j++) {
            int m = 0;
            for (int i = 0; i < TEETH; i++) {
                m |= ((scalar[j * TEETH + i] >>> column) & 1) << i;
            }
            if (m != 0) {
                int index = j * ENTRIES + m;
                acc.addPrecomputed(yPlusX[index], yMinusX[index], xy2d[index]);
            }
        }
    }

    /** Converts every entry to affine form with one field inversion (Montgomery's trick). */
    private void storeAffine(EdwardsPoint[] entries) {
        int[][] prefix = new int[entries.length][];
        int[] product = X25519Field.create();
        X25519Field.one(product);
        for (int n = 0; n < entries.length; n++) {
            if (entries[n] != null) {
                X25519Field.mul(product, entries[n].z, product);
                prefix[n] = copy(product);
            }
        }
        int[] inverse = X25519Field.create();
        X25519Field.invVar(product, inverse);         // 1 / (Z_1 ··· Z_n)
        int[] inverseZ = X25519Field.create();
        for (int n = entries.length - 1; n >= 0; n--) {
            if (entries[n] == null) {
                continue;
            }
            int previous = previousEntry(entries, n);
            if (previous < 0) {
                X25519Field.copy(inverse, 0, inverseZ, 0);
            } else {
                X25519Field.mul(inverse, prefix[previous], inverseZ);   // 1 / Z_n
                X25519Field.mul(inverse, entries[n].z, inverse);        // 1 / (Z_1 ··· Z_(n-1))
            }
            yPlusX[n] = X25519Field.create();
            yMinusX[n] = X25519Field.create();
            xy2d[n] = X25519Field.create();
            entries[n].storePrecomputed(inverseZ, yPlusX[n], yMinusX[n], xy2d[n]);
        }
    }

    private static int previousEntry(EdwardsPoint[] entries, int n) {
        for (int p = n - 1; p >= 0; p--) {
            if (entries[p] != null) {
                return p;
            }
        }
        return -1;
    }

    private static int[] copy(int[] element) {
        int[] result = X25519Field.create();
        X25519Field.copy(element, 0, result, 0);
        return result;
    }
}
