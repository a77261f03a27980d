package io.iotseal.server.account;

import io.iotseal.digest.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * API token secrets: 256 random bits with a recognisable prefix (so secret scanners can find leaked
 * ones). Only the SHA-256 of a secret is stored; a slow hash is not needed for a secret this long,
 * and a fast one keeps the per-request lookup cheap (ADR 0022).
 */
public final class ApiTokens {

    public static final String PREFIX = "iots_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** Cheap shape check before touching the database. */
    public static boolean wellFormed(String secret) {
        return secret.startsWith(PREFIX) && secret.length() == PREFIX.length() + 43
                && secret.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
