package io.iotseal.label.verify;

import io.iotseal.label.status.StatusPurpose;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A label's status as its registry reports it online (the public page's JSON): unsigned, so it may only
 * make a verification <em>worse</em> — a registry answer can add the reason of a suspension or catch a
 * change the cached status lists do not show yet, but never turn a failed check into VALID.
 */
public record RegistryStatus(String status, String reason, String since) {

    /** The verification, downgraded to SUSPENDED or REVOKED when the registry says so, with its reason. */
    public Verification applyTo(Verification verification) {
        Optional<Verdict> live = verdict();
        if (live.isEmpty() || verification.verdict() == Verdict.INVALID || verification.facts().isEmpty()) {
            return verification;
        }
        String detail = "registry: " + status.toLowerCase(Locale.ROOT) + (since == null ? "" : " since " + since)
                + (reason == null || reason.isBlank() ? "" : ", reason: " + reason);
        Verdict current = verification.verdict();
        boolean worse = current == Verdict.VALID || (current == Verdict.SUSPENDED && live.get() == Verdict.REVOKED)
                || (current == Verdict.EXPIRED && live.get() == Verdict.REVOKED);
        if (worse) {
            // The registry answers for the label's whole status, every purpose.
            return new Verification(live.get(), "the label is " + status.toLowerCase(Locale.ROOT) + " (" + detail + ")",
                    verification.facts(), EnumSet.allOf(StatusPurpose.class));
        }
        if (current == live.get()) {
            return new Verification(current, "the label is " + status.toLowerCase(Locale.ROOT)
                    + (verification.statusesChecked().isEmpty() ? " (" : " (status list; ") + detail + ")",
                    verification.facts(), EnumSet.allOf(StatusPurpose.class));
        }
        return verification;
    }

    private Optional<Verdict> verdict() {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "suspended" -> Optional.of(Verdict.SUSPENDED);
            case "revoked" -> Optional.of(Verdict.REVOKED);
            default -> Optional.empty();
        };
    }
}
