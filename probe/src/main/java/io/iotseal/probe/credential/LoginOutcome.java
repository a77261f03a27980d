package io.iotseal.probe.credential;

/** What happened to one login attempt. */
public enum LoginOutcome {
    /** The device accepted the credential. */
    ACCEPTED,
    /** The device answered and rejected the credential. */
    REJECTED,
    /** The device would not let us try: connection refused, closed or reset before an answer. */
    REFUSED,
    /** No answer in time, or an answer the probe cannot classify. */
    UNKNOWN
}
