package io.iotseal.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the audit chain, tokens, evidence names, key ids and ETags use; every module
 * calls this class rather than {@code MessageDigest} so that the algorithm name and the encoding are
 * written once.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of the text's UTF-8 bytes as lower-case hex. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest as lower-case hex (64 characters). */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** The raw 32-byte digest, for callers that encode it themselves (e.g. base64url in JWK thumbprints). */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
