package io.iotseal.server.surveillance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The operator's decision on a proposal: {@code apply} (suspend or revoke the label, as proposed, through the
 * label status action) or {@code dismiss}. Applying before the hearing has ended needs {@code urgent} (the
 * BSI-ITSiKV §8 exception), and every decision needs a note.
 */
public record DecisionInput(@NotBlank String outcome, @NotBlank @Size(max = 400) String note, Boolean urgent) {

    /** Absent means not urgent. */
    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }
}
