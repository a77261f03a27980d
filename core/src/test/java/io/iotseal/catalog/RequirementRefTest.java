package io.iotseal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequirementRefTest {

    @Test
    void parsesCatalogAndIdAndRoundTrips() {
        RequirementRef ref = RequirementRef.parse("jc-star-star1#S1.1-04");
        assertThat(ref).isEqualTo(new RequirementRef("jc-star-star1", "S1.1-04"));
        assertThat(RequirementRef.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void ignoresSpacesAroundTheParts() {
        assertThat(RequirementRef.parse(" etsi-en-303-645 # 5.1-5 ")).isEqualTo(new RequirementRef("etsi-en-303-645", "5.1-5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "S1.1-04|has no '#'",
            "#S1.1-04|names no catalog",
            "' #S1.1-04'|names no catalog",
            "jc-star-star1#|names no requirement",
            "jc-star-star1#  |names no requirement",
            "a#b#c|more than one '#'"})
    void rejectsMalformedTextNamingIt(String text, String problem) {
        assertThatThrownBy(() -> RequirementRef.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining("catalog#id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsBlank(String text) {
        assertThatThrownBy(() -> RequirementRef.parse(text)).hasMessageContaining("catalog#id");
        assertThatThrownBy(() -> RequirementRef.parse(null)).hasMessageContaining("catalog#id");
    }
}
