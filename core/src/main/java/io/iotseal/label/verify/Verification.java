package io.iotseal.label.verify;

import io.iotseal.label.LabelFacts;
import io.iotseal.label.status.StatusPurpose;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The result of {@link LabelVerifier}: the verdict, its reason in one sentence, the label's facts when
 * its signature verified, and the status purposes (revocation, suspension) it was checked for. A
 * verdict claims a status only for the purposes in {@code statusesChecked}; the reason names the others.
 */
public record Verification(Verdict verdict, String reason, Optional<LabelFacts> facts, Set<StatusPurpose> statusesChecked) {
    public Verification {
        if (verdict == null || reason == null || facts == null || statusesChecked == null) {
            throw new IllegalArgumentException("a verification needs a verdict, a reason, facts (or none) and the"
                    + " status purposes checked (or none)");
        }
        statusesChecked = statusesChecked.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(statusesChecked));
    }

    static Verification invalid(String reason) {
        return new Verification(Verdict.INVALID, reason, Optional.empty(), Set.of());
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /** True when the label was checked for every status purpose: revocation and suspension. */
    public boolean statusChecked() {
        return statusesChecked.size() == StatusPurpose.values().length;
    }
}
