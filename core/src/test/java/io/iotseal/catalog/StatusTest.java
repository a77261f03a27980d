package io.iotseal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "M           | MANDATORY   | ''   | ''",
            "R           | RECOMMENDED | ''   | ''",
            "M C(12)     | MANDATORY   | 12   | ''",
            "R F(f)      | RECOMMENDED | ''   | f",
            "M C F(14,e) | MANDATORY   | 14   | e",
            "M C(11, 12) | MANDATORY   | 11;12| ''",
            "R F(aa)     | RECOMMENDED | ''   | aa",
            "M  C  F( 14 , e )| MANDATORY | 14 | e"})
    void parsesTheAnnexBNotation(String notation, Obligation obligation, String conditions, String features) {
        Status status = Status.parse(notation);
        assertThat(status.obligation()).isEqualTo(obligation);
        assertThat(status.conditions()).containsExactly(conditions.isEmpty() ? new String[0] : conditions.split(";"));
        assertThat(status.features()).containsExactly(features.isEmpty() ? new String[0] : features.split(";"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X", "M (12)", "M C", "M C(e)", "M F(12)", "M C F()", "M C(12", "MC(12)x", "mandatory"})
    void rejectsAnythingElseWithAnExplanation(String notation) {
        assertThatThrownBy(() -> Status.parse(notation)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status '" + notation + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"M C(12)", "M C F(14,e)", "R F(f)"})
    void notationRoundTrips(String notation) {
        assertThat(Status.parse(notation).notation()).isEqualTo(notation);
    }
}
