package io.iotseal.label;

import io.iotseal.scheme.Renewal;
import io.iotseal.scheme.SchemeLevel;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Renewal and lapse dates of a label, from its level's data. Empty where the scheme data does not
 * know the rule: the registry then shows "not known" rather than a guess.
 */
public final class LabelLifecycle {
    private LabelLifecycle() {
    }

    /** The period in which renewal may be requested, first and last day. */
    public record Window(LocalDate opens, LocalDate closes) {
        /** Whether renewal may be requested on {@code day}: both the first and the last day count. */
        public boolean contains(LocalDate day) {
            return !day.isBefore(opens) && !day.isAfter(closes);
        }
    }

    public static Optional<Window> renewalWindow(Label label, SchemeLevel level) {
        Renewal renewal = level.renewal();
        if (renewal == null || renewal.windowOpensBeforeExpiry() == null || renewal.windowClosesBeforeExpiry() == null) {
            return Optional.empty();
        }
        return Optional.of(new Window(label.expiry().minus(renewal.windowOpensBeforeExpiry()),
                label.expiry().minus(renewal.windowClosesBeforeExpiry())));
    }

    /**
     * The day a label lapses because the requirements it was assessed against changed on
     * {@code requirementsChanged} (BSI: six weeks later unless the declaration is updated); never
     * later than its expiry. Empty when the scheme has no such rule in the data.
     */
    public static Optional<LocalDate> lapse(Label label, SchemeLevel level, LocalDate requirementsChanged) {
        Renewal renewal = level.renewal();
        if (renewal == null || renewal.lapseAfterRequirementChange() == null) {
            return Optional.empty();
        }
        LocalDate lapse = requirementsChanged.plus(renewal.lapseAfterRequirementChange());
        return Optional.of(lapse.isBefore(label.expiry()) ? lapse : label.expiry());
    }
}
