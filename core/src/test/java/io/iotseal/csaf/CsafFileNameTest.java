package io.iotseal.csaf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSAF 2.0 section 5.1: lower case first, then each run of other characters becomes one underscore. */
class CsafFileNameTest {

    @Test
    void theStandardsExamples() {
        // The examples of CSAF 2.0 section 5.1 and requirement 12.
        assertThat(CsafFileName.of("cisco-sa-20190513-secureboot")).isEqualTo("cisco-sa-20190513-secureboot.json");
        assertThat(CsafFileName.of("Example Company - 2019-YH3234")).isEqualTo("example_company_-_2019-yh3234.json");
        assertThat(CsafFileName.of("rhba-2019:0024")).isEqualTo("rhba-2019_0024.json");
    }

    @Test
    void lowerCaseComesBeforeTheReplacement() {
        // Upper-case letters are allowed after lower-casing; a run of several others is one underscore.
        assertThat(CsafFileName.of("IOTSEAL-2026-0001")).isEqualTo("iotseal-2026-0001.json");
        assertThat(CsafFileName.of("A+B  //  C.d")).isEqualTo("a+b_c_d.json");
        assertThat(CsafFileName.of("カメラ-1")).isEqualTo("_-1.json");
    }

    @Test
    void aTrackingIdIsRequired() {
        assertThatThrownBy(() -> CsafFileName.of(" ")).hasMessageContaining("trackingId");
    }
}
