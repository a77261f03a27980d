package io.iotseal.label.verify;

import io.iotseal.label.LabelFacts;
import java.util.Optional;

/**
 * The result of {@link LabelVerifier}: the verdict, its reason in one sentence, the label's facts when
 * its signature verified, and whether its status was checked against a status list.
 */
public record Verification(Verdict verdict, String reason, Optional<LabelFacts> facts, boolean statusChecked) {
    public Verification {
        if (verdict == null || reason == null || facts == null) {
            throw new IllegalArgumentException("a verification needs a verdict, a reason and facts (or none)");
        }
    }

    static Verification invalid(String reason) {
        return new Verification(Verdict.INVALID, reason, Optional.empty(), false);
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
