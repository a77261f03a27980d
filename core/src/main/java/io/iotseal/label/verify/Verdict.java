package io.iotseal.label.verify;

/** The outcome of verifying a label. Only VALID means the label may be trusted. */
public enum Verdict {
    VALID, SUSPENDED, REVOKED, EXPIRED, INVALID
}
