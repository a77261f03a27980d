package io.iotseal.password;

import java.security.SecureRandom;

/**
 * Passwords that IoTSeal makes up for a person to type once: the first admin's, and the one-time
 * passwords of a reset (server and command line). 20 characters from 57 that cannot be mistaken for
 * one another (no 0/O, 1/l/I), in groups of five: about 116 bits.
 */
public final class GeneratedPassword {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
