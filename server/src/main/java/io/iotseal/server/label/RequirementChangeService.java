package io.iotseal.server.label;

import io.iotseal.label.LabelLifecycle;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.Renewal;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requirement changes of a scheme level (ADR 0053): an operator admin records the date; every label of
 * the level issued before it, neither revoked nor expired by then, gets the lapse date the scheme data's
 * rule gives (capped at its expiry). A level whose data states no lapse rule is refused (422 naming
 * {@code level}): the registry records no change that looks as if it had consequences but has none.
 */
@Service
class RequirementChangeService {

    private final LabelRepository labels;
    private final LifecycleRepository lifecycle;
    private final Lifecycles lifecycles;
    private final StandardsLibrary library;
    private final AuditLog audit;
    private final Clock clock;
    private final LapseService lapses;
    private final Outbox outbox;

    RequirementChangeService(LabelRepository labels, LifecycleRepository lifecycle, Lifecycles lifecycles,
                             StandardsLibrary library, AuditLog audit, Clock clock, LapseService lapses,
                             Outbox outbox) {
        this.labels = labels;
        this.lifecycle = lifecycle;
        this.lifecycles = lifecycles;
        this.library = library;
        this.audit = audit;
        this.clock = clock;
        this.lapses = lapses;
        this.outbox = outbox;
    }

    @Transactional
    public RequirementChangeView record(Actor actor, String schemeId, String levelId, RequirementChangeInput input) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("the operator's admins record requirement changes");
        }
        SchemeLevel level = library.scheme(schemeId).flatMap(s -> s.level(levelId))
                .orElseThrow(() -> ApiException.notFound("scheme level " + schemeId + ":" + levelId));
        Renewal data = level.renewal();
        if (data == null || data.lapseAfterRequirementChange() == null) {
            String note = data == null || data.note() == null ? "" : " (" + data.note().en() + ")";
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", List.of(new FieldError(
                    "level", schemeId + ":" + levelId + " has no lapse rule in the scheme data" + note
                    + "; no lapse date can be set, so the change was not recorded")));
        }
        LocalDate today = lifecycles.today();
        if (input.changedOn().isAfter(today)) {
            throw ApiException.invalid("changedOn", "is after today (" + today + "); record a change once it has taken effect");
        }
        if (lifecycle.changeExists(schemeId, levelId, input.changedOn())) {
            throw duplicate(schemeId, levelId, input.changedOn());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var change = new LifecycleRepository.Change(UUID.randomUUID(), schemeId, levelId, input.changedOn(),
                data.lapseAfterRequirementChange().toString(), input.note().strip(),
                input.reference() == null || input.reference().isBlank() ? null : input.reference().strip(),
                actor.auditName(), now);
        try {
            lifecycle.insertChange(change);
        } catch (DuplicateKeyException e) {
            throw duplicate(schemeId, levelId, input.changedOn());
        }
        List<RequirementChangeView.Lapsing> lapsing = new ArrayList<>();
        for (LabelRow row : labels.issuedBefore(schemeId, levelId, change.changedOn())) {
            LocalDate lapseOn = LabelLifecycle.lapse(row.label(), level, change.changedOn()).orElseThrow();
            LocalDate before = lifecycle.state(row.id()).lapseOn();
            if (lifecycle.setLapse(row.id(), lapseOn, change.id(), now)) {
                lapsing.add(new RequirementChangeView.Lapsing(row.id(), row.labelId(), row.registrationNumber(), lapseOn));
                audit.record(actor, "label.lapse.set", "label", row.id(), lapseAudit(before, null),
                        lapseAudit(lapseOn, change.id()));
                outbox.label(EventType.LABEL_LAPSE_PENDING, row.id(), Map.of("lapseOn", lapseOn.toString(),
                        "requirementsChangedOn", change.changedOn().toString(), "note", change.note()));
            }
        }
        var view = new RequirementChangeView(change.id(), schemeId, levelId, change.changedOn(), change.lapseAfter(),
                change.note(), change.reference(), now, lapsing);
        audit.record(actor, "requirement-change.create", "requirement_change", change.id(), null, view);
        lapses.forgetAfterCommit();
        return view;
    }

    private static ApiException duplicate(String scheme, String level, LocalDate day) {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("changedOn",
                "a requirement change of " + scheme + ":" + level + " on " + day + " is already recorded")));
    }

    private static Map<String, Object> lapseAudit(LocalDate lapseOn, UUID change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lapseOn", lapseOn == null ? null : lapseOn.toString());
        m.put("requirementChange", change);
        return m;
    }
}
