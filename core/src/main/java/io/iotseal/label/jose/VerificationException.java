package io.iotseal.label.jose;

/** A credential, token or status list failed a check; the message is the reason shown to the user. */
public class VerificationException extends Exception {
    public VerificationException(String reason) {
        super(reason);
    }

    public VerificationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
