package io.iotseal.server.reporting;

import io.iotseal.disclosure.CraStage;
import io.iotseal.server.disclosure.CaseView;
import io.iotseal.server.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a case still lacks for each CRA report draft (ADR 0097), named in the case's own terms (its fields, not the
 * draft's JSON pointers) so the vendor knows what to do on the case page: the API answers 422 with these, and the
 * case page shows them instead of the links.
 */
public final class CaseDraftReadiness {

    private CaseDraftReadiness() {
    }

    /** The stage with this id ({@code early-warning}, {@code notification}, {@code final-report}), if any. */
    public static Optional<CraStage> stage(String id) {
        for (CraStage stage : CraStage.values()) {
            if (stage.id().equals(id == null ? null : id.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** The case's fields the stage needs and the case lacks, each with why (English, for the API's problem). */
    public static List<FieldError> missing(CaseView c, CraStage stage) {
        List<FieldError> missing = new ArrayList<>();
        if (!c.activelyExploited() || c.moments().exploitationKnownAt() == null) {
            missing.add(new FieldError("activelyExploited", "the CRA reports of Art. 14(2) are only for actively"
                    + " exploited vulnerabilities: mark the case actively exploited (it records when the manufacturer"
                    + " became aware)"));
        }
        if (stage == CraStage.FINAL_REPORT) {
            if (c.cvssVector() == null || c.severity() == null) {
                missing.add(new FieldError("cvssVector", "the final report states the severity and impact: set the"
                        + " case's CVSS vector"));
            }
            if (c.fixedVersion() == null || c.moments().correctiveMeasureAt() == null) {
                missing.add(new FieldError("fixedVersion", "the final report follows a corrective measure: move the"
                        + " case to FIXED with the version that fixes it"));
            }
        }
        return missing;
    }

    /** The names of what {@link #missing} lists, for the case page's messages ({@code case.draft.missing.*}). */
    public static List<String> missingFields(CaseView c, CraStage stage) {
        return missing(c, stage).stream().map(FieldError::field).toList();
    }
}
