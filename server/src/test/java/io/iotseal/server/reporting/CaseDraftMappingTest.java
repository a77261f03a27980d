package io.iotseal.server.reporting;

import io.iotseal.disclosure.CraDrafts;
import io.iotseal.disclosure.CraReportInput;
import io.iotseal.disclosure.CraStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a case's CVSS vector becomes the final report's severity and impact (ADR 0097), for every CVSS version the
 * cases accept: the draft built from it passes the draft schema. Expected ratings and scores are the CVSS
 * specifications' (FIRST's calculator gives 9.8 for the 3.1 vector, 9.3 for the 4.0 one, 10.0 for the 2.0 one).
 */
class CaseDraftMappingTest {

    private static final String V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static final String V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    private static final String V20 = "AV:N/AC:L/Au:N/C:C/I:C/A:C";
    private static final String NONE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N";

    private static List<String> finalReportProblems(String vector) throws Exception {
        CraReportInput input = new CraReportInput(new CraReportInput.Manufacturer("Vendor", null), "Camera",
                List.of("1.0"), "case-1", null, "A report", null, CaseDrafts.severity(vector),
                CvssImpact.describe(vector), true, null, null, null, null, null,
                new CraReportInput.CorrectiveMeasure("Version 1.1 fixes it.", List.of("1.1")),
                Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));
        return CraDrafts.problems(CraDrafts.build(CraStage.FINAL_REPORT, input, Instant.parse("2026-10-21T00:00:00Z"))
                .content()).stream().map(Object::toString).toList();
    }

    @Test
    void cvss31GivesRatingVectorScoreAndTheImpactMetrics() throws Exception {
        CraReportInput.Severity s = CaseDrafts.severity(V31);
        assertThat(s).isEqualTo(new CraReportInput.Severity("CRITICAL", V31, 9.8));
        assertThat(CvssImpact.describe(V31))
                .isEqualTo("CVSS 3.1 impact metrics: confidentiality high, integrity high, availability high.");
        assertThat(finalReportProblems(V31)).isEmpty();
    }

    @Test
    void cvss40NamesTheVulnerableAndTheSubsequentSystems() throws Exception {
        assertThat(CaseDrafts.severity(V40)).isEqualTo(new CraReportInput.Severity("CRITICAL", V40, 9.3));
        assertThat(CvssImpact.describe(V40)).isEqualTo("CVSS 4.0 impact metrics: on the vulnerable system"
                + " confidentiality high, integrity high, availability high; on subsequent systems confidentiality"
                + " none, integrity none, availability none.");
        assertThat(finalReportProblems(V40)).isEmpty();
    }

    @Test
    void cvss20GivesItsRatingAloneSinceTheDraftTakesNoCvss2Vector() throws Exception {
        assertThat(CaseDrafts.severity(V20)).isEqualTo(new CraReportInput.Severity("HIGH", null, null));
        assertThat(CvssImpact.describe(V20))
                .isEqualTo("CVSS 2.0 impact metrics: confidentiality complete, integrity complete, availability complete.");
        assertThat(finalReportProblems(V20)).isEmpty();
    }

    @Test
    void aScoreOfZeroGivesItsVectorWithoutARating() throws Exception {
        // Positive control: a rated vector keeps its rating.
        assertThat(CaseDrafts.severity(V31).rating()).isEqualTo("CRITICAL");
        assertThat(CaseDrafts.severity(NONE)).isEqualTo(new CraReportInput.Severity(null, NONE, 0.0));
        assertThat(finalReportProblems(NONE)).isEmpty();
    }

    @Test
    void noOrAnUnreadableVectorGivesNothing() {
        // Positive control first.
        assertThat(CaseDrafts.severity(V31)).isNotNull();
        assertThat(CvssImpact.describe(V31)).isNotNull();
        assertThat(CaseDrafts.severity(null)).isNull();
        assertThat(CaseDrafts.severity("CVSS:3.1/AV:X")).isNull();
        assertThat(CvssImpact.describe(null)).isNull();
        assertThat(CvssImpact.describe("CVSS:3.1/AV:N/AC:L")).isNull();
    }

    @Test
    void aReportLongerThanTheDraftTakesIsCutWithANoteSayingSo() {
        // Positive control: a report that fits is the summary and details as written.
        assertThat(CaseDrafts.description("Open telnet", "Port 23.")).isEqualTo("Open telnet\n\nPort 23.");
        String details = "x".repeat(CaseDrafts.MAX_TEXT - 200) + "😀".repeat(200);
        String cut = CaseDrafts.description("Open telnet", details);
        assertThat(cut).hasSizeLessThanOrEqualTo(CaseDrafts.MAX_TEXT).endsWith(CaseDrafts.SHORTENED)
                .startsWith("Open telnet\n\nxxx");
        String kept = cut.substring(0, cut.length() - CaseDrafts.SHORTENED.length());
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).as("no half character").isFalse();
    }
}
