package io.iotseal.server.disclosure;

import io.iotseal.advisory.Severity;
import io.iotseal.advisory.match.SeverityScore;
import io.iotseal.advisory.match.SeverityScores;
import io.iotseal.server.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The vendor's assessment of a case (ADR 0099): the CVE id once one is assigned, the CVSS vector (2.0, 3.x or
 * 4.0, scored by the core's calculator), whether it is actively exploited, and until when it stays embargoed.
 * Sent whole (a PUT): a field left out is cleared, except that "actively exploited" once set keeps its moment.
 */
public record CaseFacts(
        @Schema(description = "CVE id, e.g. CVE-2026-12345") String cveId,
        @Schema(description = "CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") String cvssVector,
        @Schema(description = "The vendor knows it is being exploited; records when it first learnt so") Boolean activelyExploited,
        @Schema(description = "Not to be disclosed before this day") LocalDate embargoUntil) {

    /** CVE-YYYY-NNNN with four or more digits (the CVE Program's id syntax since 2014). */
    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");

    /** The CVE id, checked; null when none was given. */
    String checkedCveId() {
        String id = blankToNull(cveId);
        if (id != null && !CVE.matcher(id).matches()) {
            throw ApiException.invalid("cveId", "a CVE id like CVE-2026-12345; not " + id);
        }
        return id;
    }

    /** The CVSS vector, checked by scoring it; null when none was given. */
    String checkedVector() {
        String vector = blankToNull(cvssVector);
        if (vector != null && (vector.length() > 300 || severity(vector) == null)) {
            throw ApiException.invalid("cvssVector", "a valid CVSS 2.0, 3.0, 3.1 or 4.0 vector (e.g. "
                    + "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)");
        }
        return vector;
    }

    /** The qualitative rating of a vector ("Critical", "High", ...), or null for none or an invalid one. */
    static String severity(String vector) {
        if (vector == null) {
            return null;
        }
        return SeverityScores.best(List.of(new Severity("CVSS", vector))).map(SeverityScore::rating).orElse(null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
