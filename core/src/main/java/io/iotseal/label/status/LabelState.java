package io.iotseal.label.status;

import java.time.Instant;

/**
 * The operator-controlled state of a label, with the reason and time of the last change: the part of
 * the label record the registry stores and audit-logs. Expiry is not a state: it follows from the date.
 * Revocation is final; suspension is lifted by reinstating.
 */
public record LabelState(Kind kind, String reason, Instant since) {
    public enum Kind { ACTIVE, SUSPENDED, REVOKED }

    public LabelState {
        if (kind == null || since == null) {
            throw new IllegalArgumentException("a label state needs a kind and a time");
        }
        if (kind != Kind.ACTIVE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason: suspending or revoking a label needs a reason");
        }
        if (reason != null && reason.length() > 500) {
            throw new IllegalArgumentException("reason is longer than 500 characters");
        }
    }

    public static LabelState issued(Instant when) {
        return new LabelState(Kind.ACTIVE, null, when);
    }

    public LabelState suspend(String why, Instant when) {
        if (kind != Kind.ACTIVE) {
            throw new IllegalStateException("only an active label can be suspended; this one is " + describe());
        }
        return new LabelState(Kind.SUSPENDED, why, when);
    }

    public LabelState reinstate(String why, Instant when) {
        if (kind != Kind.SUSPENDED) {
            throw new IllegalStateException("only a suspended label can be reinstated; this one is " + describe());
        }
        return new LabelState(Kind.ACTIVE, why, when);
    }

    public LabelState revoke(String why, Instant when) {
        if (kind == Kind.REVOKED) {
            throw new IllegalStateException("the label is already revoked; revocation is final");
        }
        return new LabelState(Kind.REVOKED, why, when);
    }

    private String describe() {
        return kind.name().toLowerCase() + (reason == null ? "" : " (" + reason + ")");
    }
}
