package io.iotseal.server.product;

import io.iotseal.openpgp.OpenPgpException;
import io.iotseal.openpgp.OpenPgpPublicKey;
import io.iotseal.server.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Checks the OpenPGP public key a vendor publishes for vulnerability reports (ADR 0102) with the core's OpenPGP
 * code: it must be an armored public key, at most {@link #MAX_KEY_CHARS} characters, with a valid key that may
 * encrypt; anything else is a 400 naming {@code vulnerabilityOpenPgpKey}. A key that passes is stored as the core
 * re-armors it (no comments or text around the armor) with its fingerprint.
 */
public final class VendorKeys {

    /** Large enough for an RSA-4096 key with its subkeys and a few certifications; a key server dump is not a key. */
    public static final int MAX_KEY_CHARS = 64 * 1024;
    static final String FIELD = "vulnerabilityOpenPgpKey";

    /** A key that passed: its armored text and its primary key's fingerprint. */
    public record Checked(String armored, String fingerprint) {
    }

    private VendorKeys() {
    }

    /** Null for no key; the checked key; or a 400 naming the field and what is wrong. */
    public static Checked check(String armored, Instant now) {
        if (armored == null || armored.isBlank()) {
            return null;
        }
        if (armored.length() > MAX_KEY_CHARS) {
            throw ApiException.invalid(FIELD, "at most " + MAX_KEY_CHARS + " characters");
        }
        try {
            OpenPgpPublicKey key = OpenPgpPublicKey.parse(armored.strip());
            // The core chooses the encryption key when it encrypts; encrypting nothing is how to ask it now, so a
            // signing-only, revoked or expired key is refused on save rather than when the first report comes.
            key.encrypt("".getBytes(StandardCharsets.UTF_8), now);
            return new Checked(key.armored(), key.fingerprint());
        } catch (OpenPgpException e) {
            throw ApiException.invalid(FIELD, switch (e.reason()) {
                case CANNOT_ENCRYPT -> "the key has no valid key that may encrypt (a signing-only, revoked or expired"
                        + " key cannot receive reports)";
                default -> "not an armored OpenPGP public key (-----BEGIN PGP PUBLIC KEY BLOCK-----)";
            });
        }
    }
}
