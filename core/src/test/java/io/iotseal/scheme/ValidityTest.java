package io.iotseal.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.catalog.Confidence;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final LocalDate ISSUED = LocalDate.parse("2026-12-01");

    @Test
    void theRegularTermIsTheLabelsTermAndTheSupportEndStillCapsIt() {
        Validity v = new Validity(Period.ofYears(3), Period.ofYears(2), true, Confidence.VERIFIED, List.of(), null);
        assertThat(v.expiry(ISSUED, LocalDate.parse("2030-01-01"))).contains(LocalDate.parse("2028-12-01"));
        assertThat(v.expiry(ISSUED, LocalDate.parse("2027-06-30"))).contains(LocalDate.parse("2027-06-30"));
    }

    @Test
    void aRegularTermLongerThanTheMaximumIsRefused() {
        // Otherwise expiry() would issue labels valid beyond the scheme's maximum (term() prefers the regular term).
        assertThatThrownBy(() -> new Validity(Period.ofYears(2), Period.ofMonths(30), null, Confidence.VERIFIED,
                List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regularTerm");
        assertThat(new Validity(Period.ofMonths(24), Period.ofYears(2), null, Confidence.VERIFIED, List.of(), null)
                .term()).contains(Period.ofYears(2));
    }
}
