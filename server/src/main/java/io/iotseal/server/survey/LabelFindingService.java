package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What surveys found on labels, for the operator alone (ADR 0105). Like a surveillance proposal before its hearing
 * (ADR 0096), a finding is the operator's evidence, not an accusation: the label's vendor does not see it here,
 * the public never. The operator notes it (having acted on it, e.g. opened a hearing or changed the label's
 * status through the status action) or dismisses it; nothing about the label changes by itself.
 */
@Service
public class LabelFindingService {

    static final int LIMIT = 1000;
    static final Set<String> DECISIONS = Set.of("NOTED", "DISMISSED");

    private final LabelFindingRepository findings;
    private final LabelLookup labels;
    private final AuditLog audit;
    private final Clock clock;

    LabelFindingService(LabelFindingRepository findings, LabelLookup labels, AuditLog audit, Clock clock) {
        this.findings = findings;
        this.labels = labels;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<LabelFinding> ofLabel(Actor actor, String labelId) {
        SurveyErrors.requireOperator(actor, "survey findings");
        LabelView label = labels.get(actor, labelId);
        return findings.ofLabel(label.id(), LIMIT);
    }

    /** The open findings (or those in {@code state}) across labels, ordered by label. */
    @Transactional(readOnly = true)
    public List<LabelFinding> inState(Actor actor, String state) {
        SurveyErrors.requireOperator(actor, "survey findings");
        return findings.inState(state, LIMIT);
    }

    @Transactional(readOnly = true)
    public LabelFinding get(Actor actor, UUID id) {
        SurveyErrors.requireOperator(actor, "survey findings");
        return findings.find(id).orElseThrow(() -> ApiException.notFound("survey finding " + id));
    }

    @Transactional
    public LabelFinding decide(Actor actor, UUID id, FindingDecisionInput input) {
        SurveyErrors.requireOperatorAdmin(actor, "decisions on survey findings");
        LabelFinding before = findings.find(id).orElseThrow(() -> ApiException.notFound("survey finding " + id));
        String decision = input == null || input.decision() == null ? null
                : input.decision().strip().toUpperCase(Locale.ROOT);
        if (decision == null || !DECISIONS.contains(decision)) {
            throw SurveyErrors.unprocessable("decision", "NOTED or DISMISSED");
        }
        String note = input.note() == null ? "" : input.note().strip();
        if (note.isEmpty()) {
            throw SurveyErrors.unprocessable("note", "required: what was done, or why the finding is dismissed");
        }
        if (note.length() > 2000) {
            throw SurveyErrors.unprocessable("note", "at most 2000 characters");
        }
        if (!findings.decide(id, decision, actor.auditName(), note, OffsetDateTime.now(clock))) {
            throw SurveyErrors.conflict("decision", "the finding is already " + before.state());
        }
        LabelFinding after = findings.find(id).orElseThrow();
        audit.record(actor, "survey.finding." + decision.toLowerCase(Locale.ROOT), "survey_label_finding", id,
                before, after);
        return after;
    }
}
