package io.iotseal.server.reporting;

import io.iotseal.advisory.Severity;
import io.iotseal.advisory.match.SeverityScore;
import io.iotseal.advisory.match.SeverityScores;
import io.iotseal.disclosure.CraDrafts;
import io.iotseal.disclosure.CraReportDraft;
import io.iotseal.disclosure.CraReportInput;
import io.iotseal.disclosure.CraStage;
import io.iotseal.document.InvalidDocumentException;
import io.iotseal.server.access.Actor;
import io.iotseal.server.disclosure.CaseService;
import io.iotseal.server.disclosure.CaseView;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A case's CRA report drafts (issue 17 item 4, ADR 0097): the case mapped to the core's {@link CraReportInput} and
 * built by {@link CraDrafts}. Only those who may read the case get them (its vendor's people and the operator; 404
 * for anyone else, as the case itself), since they carry the confidential report. A case not ready for a stage is
 * a 422 naming the case's fields ({@link CaseDraftReadiness}), never a 500.
 */
@Service
public class CaseDrafts {

    /** The draft's text fields hold at most this many characters ({@code cra-report-draft.schema.json}). */
    static final int MAX_TEXT = 20_000;
    static final String SHORTENED = "\n[shortened: the whole report is on the IoTSeal case page]";

    private final CaseService cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseDrafts(CaseService cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the draft's manufacturer and product versions come from besides the case. */
    record Sources(String contact, List<String> labelVersions) {
    }

    /** The draft of {@code stageId} for the case; 404 for a case the caller may not read, 400 for an unknown stage. */
    @Transactional(readOnly = true)
    public CraReportDraft draft(Actor actor, UUID caseId, String stageId) {
        CaseView c = cases.get(actor, caseId);
        CraStage stage = CaseDraftReadiness.stage(stageId).orElseThrow(() -> ApiException.invalid("stage", "one of "
                + Arrays.stream(CraStage.values()).map(CraStage::id).toList() + "; not " + stageId));
        List<FieldError> missing = new ArrayList<>(CaseDraftReadiness.missing(c, stage));
        CraReportInput input = input(c, sources(c));
        if (input.productVersions().isEmpty()) {
            missing.add(new FieldError("productVersion", "the draft names the affected versions: neither the case"
                    + " nor its label names one that is not the fixed version"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", missing);
        }
        try {
            return CraDrafts.build(stage, input, clock.instant());
        } catch (InvalidDocumentException e) {
            // The readiness checks cover what a case can lack; anything else (an odd stored value) is still named.
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                    e.problems().stream().map(p -> new FieldError(p.location() == null ? "draft" : p.location(),
                            p.message())).toList());
        }
    }

    /** A file name for the draft: its stage and the CVE, or the case's id before one is assigned. */
    public String fileName(UUID caseId, CraReportDraft draft, String extension) {
        String cve = draft.content().path("vulnerability").path("cve").asText(null);
        return "cra-" + draft.stage().id() + "-" + (cve != null ? cve : caseId.toString()) + "." + extension;
    }

    private Sources sources(CaseView c) {
        return jdbc.sql("select p.vdp_contact, p.vdp_url, l.versions from disclosure_case c join product p"
                        + " on p.id = c.product_id join label l on l.id = c.label_id where c.id = ?")
                .param(c.id())
                .query((rs, n) -> new Sources(firstPresent(rs.getString(1), rs.getString(2)), lines(rs.getString(3))))
                .single();
    }

    /**
     * The case as the draft's input. The vendor's approved name is the manufacturer, reachable at the product's
     * vulnerability contact (else its disclosure policy's address). The versions are the one reported and those
     * its label covers, without the fixed one: the manufacturer strikes any that is not affected. The
     * vulnerability's id is the case's, the CVE beside it; the description is the report (summary and details).
     */
    static CraReportInput input(CaseView c, Sources sources) {
        Set<String> versions = new LinkedHashSet<>();
        if (c.productVersion() != null) {
            versions.add(c.productVersion());
        }
        versions.addAll(sources.labelVersions());
        if (c.fixedVersion() != null) {
            versions.remove(c.fixedVersion());
        }
        String fixed = c.fixedVersion();
        CraReportInput.CorrectiveMeasure measure = fixed == null ? null : new CraReportInput.CorrectiveMeasure(
                "Security update: version " + fixed + " fixes the vulnerability.", List.of(fixed));
        String measuresTaken = fixed == null ? null : "Security update released: version " + fixed + ".";
        String userMeasures = fixed == null ? null : "Install version " + fixed + ".";
        String vector = c.cvssVector();
        // Member States, the exploit's nature, sensitivity and the malicious actor: a case does not record them.
        return new CraReportInput(new CraReportInput.Manufacturer(c.vendorName(), sources.contact()), c.productName(),
                List.copyOf(versions), c.id().toString(), c.cveId(), description(c.summary(), c.details()), null,
                severity(vector), CvssImpact.describe(vector), c.activelyExploited(), null, measuresTaken, userMeasures,
                null, null, measure, instant(c.moments().correctiveMeasureAt()),
                instant(c.moments().exploitationKnownAt()));
    }

    /** The report's summary and details; cut with a note where the draft's text limit would refuse it. */
    static String description(String summary, String details) {
        String text = summary + "\n\n" + details;
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int cut = MAX_TEXT - SHORTENED.length();
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--; // never half a character
        }
        return text.substring(0, cut) + SHORTENED;
    }

    /**
     * The rating and CVSS of the case's vector, scored by the core's calculator. The draft's schema takes CVSS 3.x
     * and 4.0 vectors and the ratings LOW to CRITICAL: a CVSS 2.0 vector gives its rating alone, a score of 0.0
     * ("None") its vector alone.
     */
    static CraReportInput.Severity severity(String vector) {
        if (vector == null) {
            return null;
        }
        SeverityScore score = SeverityScores.best(List.of(new Severity("CVSS", vector))).orElse(null);
        if (score == null) {
            return null;
        }
        String rating = score.rating().toUpperCase(Locale.ROOT);
        boolean ratingFits = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").contains(rating);
        boolean cvssFits = !score.cvssVersion().equals("2.0");
        if (!ratingFits && !cvssFits) {
            return null;
        }
        return new CraReportInput.Severity(ratingFits ? rating : null, cvssFits ? vector : null,
                cvssFits ? score.baseScore() : null);
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String firstPresent(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
