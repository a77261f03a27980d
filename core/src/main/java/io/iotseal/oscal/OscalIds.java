package io.iotseal.oscal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Identifiers for OSCAL documents: token-safe ids and stable name-based UUIDs. */
public final class OscalIds {
    /** The namespace of IoTSeal's own OSCAL property and part names. */
    public static final String NS = "urn:iotseal:ns:oscal";

    private static final UUID IOTSEAL_NAMESPACE = UUID.fromString("6f0c7d1e-2a4b-4c8e-9d3f-5b1a2c3d4e5f");

    private OscalIds() {
    }

    /**
     * An OSCAL token for a requirement or group id. OSCAL ids must start with a letter or underscore
     * and may hold letters, digits, '.', '-' and '_': "5.1-1" becomes "id-5.1-1", "I.2(a)" becomes
     * "I.2_a_". The original id is kept in a "label" property.
     */
    public static String token(String id) {
        String safe = id.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return Character.isLetter(safe.charAt(0)) ? safe : "id-" + safe;
    }

    /**
     * A version-5 (SHA-1, name-based) UUID, so that exporting the same data twice gives the same
     * document; OSCAL accepts only version 4 or 5 UUIDs.
     */
    public static String uuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(IOTSEAL_NAMESPACE));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
