package io.iotseal.advisory.match;

import io.iotseal.advisory.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Base scores against those NVD publishes for real CVEs, and the choice among several vectors. */
class SeverityScoresTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // CVE-2021-44228 (Log4Shell), NVD: 10.0 CRITICAL (3.1), 9.3 HIGH (2.0)
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H | 3.1 | 10.0 | Critical",
            "AV:N/AC:M/Au:N/C:C/I:C/A:C | 2.0 | 9.3 | High",
            // CVE-2014-0160 (Heartbleed), NVD: 7.5 HIGH (3.1), 5.0 MEDIUM (2.0)
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N | 3.1 | 7.5 | High",
            "(AV:N/AC:L/Au:N/C:P/I:N/A:N) | 2.0 | 5.0 | Medium",
            // CVE-2017-5638 (Struts), NVD: 9.8 CRITICAL (3.0)
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 3.0 | 9.8 | Critical",
            // CVE-2014-6271 (Shellshock), NVD: 10.0 HIGH (2.0)
            "AV:N/AC:L/Au:N/C:C/I:C/A:C | 2.0 | 10.0 | High",
            // CVE-2022-48174 (BusyBox ash), NVD: 9.8 CRITICAL (3.1)
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 3.1 | 9.8 | Critical",
            // FIRST's CVSS 4.0 calculator: all base impacts high on the vulnerable system, network, no requirements
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 4.0 | 9.3 | Critical"})
    void scoresAsPublished(String vector, String version, double score, String rating) {
        SeverityScore s = SeverityScores.best(List.of(new Severity("CVSS", vector))).orElseThrow();
        assertThat(s).isEqualTo(new SeverityScore(version, score, rating, vector));
    }

    @Test
    void theNewestValidVersionIsChosen() {
        List<Severity> severities = List.of(
                new Severity("CVSS_V2", "AV:N/AC:L/Au:N/C:C/I:C/A:C"),
                new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
                new Severity("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N"), // cut short: not valid
                new Severity("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(SeverityScores.best(severities).orElseThrow().cvssVersion()).isEqualTo("3.1");
    }

    @Test
    void noValidVectorGivesNothing() {
        assertThat(SeverityScores.best(List.of(new Severity("CVSS_V3", "CVSS:3.1/AV:X"), new Severity("X", "high"))))
                .isEmpty();
        assertThat(SeverityScores.best(List.of())).isEmpty();
    }

    @Test
    void theQualitativeScaleHasItsBoundaries() {
        assertThat(SeverityScores.rating("3.1", 0.0)).isEqualTo("None");
        assertThat(SeverityScores.rating("3.1", 3.9)).isEqualTo("Low");
        assertThat(SeverityScores.rating("4.0", 4.0)).isEqualTo("Medium");
        assertThat(SeverityScores.rating("3.0", 8.9)).isEqualTo("High");
        assertThat(SeverityScores.rating("3.1", 9.0)).isEqualTo("Critical");
        assertThat(SeverityScores.rating("2.0", 6.9)).isEqualTo("Medium");
    }
}
