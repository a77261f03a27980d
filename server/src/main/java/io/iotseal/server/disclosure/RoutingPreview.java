package io.iotseal.server.disclosure;

/**
 * What the report form tells the reporter before sending (ADR 0102): whether the vendor's contact gets an e-mail,
 * the fingerprint of the vendor's key the report will be encrypted to (null: the mail holds no report text), and
 * whether the operator is copied.
 */
public record RoutingPreview(boolean mailed, String fingerprint, boolean operatorCopied) {

    public boolean encrypted() {
        return mailed && fingerprint != null;
    }
}
