package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * How long a label of a level is valid: at most {@code maximum} from issue, and no longer than the
 * product's support period when {@code capAtSupportPeriodEnd} (CLS). A missing maximum is unknown;
 * a missing {@code capAtSupportPeriodEnd} means the data does not say (treated as not capped).
 */
public record Validity(Period maximum, Boolean capAtSupportPeriodEnd, Confidence confidence, List<String> sources,
                       LocalizedText note) {
    public Validity {
        sources = listOrEmpty(sources);
        if (maximum != null && (maximum.isNegative() || maximum.isZero())) {
            throw new IllegalArgumentException("maximum must be a positive period such as P2Y");
        }
    }

    /**
     * The expiry of a label issued on {@code issued}: the earlier of the maximum validity and the end
     * of the support period (when the scheme caps at it, or when no maximum is known).
     */
    public Optional<LocalDate> expiry(LocalDate issued, LocalDate supportPeriodEnd) {
        LocalDate byMaximum = maximum == null ? null : issued.plus(maximum);
        LocalDate bySupport = Boolean.TRUE.equals(capAtSupportPeriodEnd) ? supportPeriodEnd : null;
        if (byMaximum == null) {
            return Optional.ofNullable(bySupport);
        }
        if (bySupport == null) {
            return Optional.of(byMaximum);
        }
        return Optional.of(byMaximum.isBefore(bySupport) ? byMaximum : bySupport);
    }
}
