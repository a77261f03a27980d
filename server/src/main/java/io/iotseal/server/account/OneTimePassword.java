package io.iotseal.server.account;

import java.security.SecureRandom;
import java.time.OffsetDateTime;

/**
 * A password set by a reset (ADR 0065): shown once to the admin who reset it, good for one sign-in
 * after which its user must choose their own, and not after {@code expiresAt}.
 */
public record OneTimePassword(String username, String oneTimePassword, OffsetDateTime expiresAt) {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 20 characters from 57 unambiguous ones in groups of five: about 116 bits. */
    static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "OneTimePassword[" + username + "]"; // never the password
    }
}
