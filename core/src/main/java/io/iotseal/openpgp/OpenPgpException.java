package io.iotseal.openpgp;

/** Why an OpenPGP operation failed, in words a caller can show to whoever gave the key or signature. */
public final class OpenPgpException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The text is not an armored OpenPGP key (or not the kind expected: public or secret). */
        MALFORMED_KEY,
        /** The key is well formed but has no valid key that may encrypt (revoked, expired or signing-only). */
        CANNOT_ENCRYPT,
        /** The secret key could not be unlocked with the given passphrase. */
        WRONG_PASSPHRASE,
        /** The text is not an armored OpenPGP signature or signed message. */
        MALFORMED_SIGNATURE
    }

    private final Reason reason;

    OpenPgpException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    OpenPgpException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
