package io.iotseal.server.label;

import io.iotseal.label.status.LabelState;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The operator suspends, reinstates and revokes labels (ADR 0050); the status lists follow on commit. */
@Service
public class StatusChangeService {

    private final LabelLookup lookup;
    private final LabelRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final StatusListService statusLists;
    private final Outbox outbox;

    StatusChangeService(LabelLookup lookup, LabelRepository repository, AuditLog audit, Clock clock,
                        StatusListService statusLists, Outbox outbox) {
        this.lookup = lookup;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.statusLists = statusLists;
        this.outbox = outbox;
    }

    @Transactional
    public LabelView changeStatus(Actor actor, String asked, StatusChangeInput input, String ifMatch) {
        LabelRow row = lookup.visible(actor, asked);
        UUID id = row.id();
        if (!actor.isOperator()) {
            throw ApiException.forbidden("only the scheme operator suspends, reinstates or revokes labels");
        }
        ETags.requireMatch(ifMatch, row.version());
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        Instant now = clock.instant();
        LabelState before = row.state();
        LabelState after;
        try {
            after = switch (input.action()) {
                case "suspend" -> before.suspend(requireReason(reason, "suspend"), now);
                case "reinstate" -> before.reinstate(reason, now);
                case "revoke" -> before.revoke(requireReason(reason, "revoke"), now);
                default -> throw ApiException.invalid("action", "one of suspend, reinstate, revoke");
            };
        } catch (IllegalStateException e) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("action", e.getMessage())));
        }
        if (!repository.updateStatus(id, row.version(), after, now.atOffset(ZoneOffset.UTC))) {
            throw ETags.preconditionFailed();
        }
        LabelRow updated = repository.find(id).orElseThrow();
        audit.record(actor, "label." + input.action(), "label", id, LabelAudit.of(row), LabelAudit.of(updated));
        EventType type = switch (input.action()) {
            case "suspend" -> EventType.LABEL_SUSPENDED;
            case "reinstate" -> EventType.LABEL_REINSTATED;
            default -> EventType.LABEL_REVOKED;
        };
        outbox.label(type, id, java.util.Map.of("cause", input.action())); // same transaction (ADR 0081)
        statusLists.statusListsChanged();
        return lookup.view(updated);
    }

    private static String requireReason(String reason, String action) {
        if (reason == null) {
            throw ApiException.invalid("reason", "required to " + action + " a label (it is shown on the public page)");
        }
        return reason;
    }
}
