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
    UNKNOWN,
    /**
     * The service offers no password login for this account, so no password was checked: an SSH server
     * whose authentication methods include neither password nor keyboard-interactive, an FTP server that
     * answers USER with 530 (anonymous only, or TLS required).
     */
    NOT_OFFERED,
    /**
     * The protocol failed before any credential was checked, e.g. an SSH key exchange that broke off after
     * the server's greeting. A fault of the probe or the device, never a refusal (ADR 0076).
     */
    FAULT
}
