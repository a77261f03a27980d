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
 * product's support period when {@code capAtSupportPeriodEnd} (CLS). {@code regularTerm} is the term a
 * label normally gets where the rules allow other terms and set no maximum (BSI-ITSiKV §8(1): regularly two
 * years, other terms possible per product category or technical guideline). A missing maximum or regular
 * term is unknown; a missing {@code capAtSupportPeriodEnd} means the data does not say (treated as not capped).
 */
public record Validity(Period maximum, Period regularTerm, Boolean capAtSupportPeriodEnd, Confidence confidence,
                       List<String> sources, LocalizedText note) {
    public Validity {
        sources = listOrEmpty(sources);
        positive(maximum, "maximum");
        positive(regularTerm, "regularTerm");
        // term() prefers the regular term, so one longer than the maximum would issue labels past it.
        // Periods mix units (P24M, P2Y): compared by where they end from one day.
        LocalDate from = LocalDate.of(2000, 1, 1);
        if (maximum != null && regularTerm != null && from.plus(regularTerm).isAfter(from.plus(maximum))) {
            throw new IllegalArgumentException("regularTerm " + regularTerm + " must not be longer than maximum " + maximum);
        }
    }

    private static void positive(Period period, String field) {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException(field + " must be a positive period such as P2Y");
        }
    }

    /** The term a label is issued for: the regular term where the rules name one, otherwise the maximum. */
    public Optional<Period> term() {
        return Optional.ofNullable(regularTerm != null ? regularTerm : maximum);
    }

    /**
     * The expiry of a label issued on {@code issued}: the earlier of the label's term and the end
     * of the support period (when the scheme caps at it, or when no term is known).
     */
    public Optional<LocalDate> expiry(LocalDate issued, LocalDate supportPeriodEnd) {
        LocalDate byTerm = term().map(issued::plus).orElse(null);
        LocalDate bySupport = Boolean.TRUE.equals(capAtSupportPeriodEnd) ? supportPeriodEnd : null;
        if (byTerm == null) {
            return Optional.ofNullable(bySupport);
        }
        if (bySupport == null) {
            return Optional.of(byTerm);
        }
        return Optional.of(byTerm.isBefore(bySupport) ? byTerm : bySupport);
    }
}
