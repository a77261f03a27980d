package io.iotseal.server.label;

import io.iotseal.label.IssuedLabel;
import io.iotseal.label.Label;
import io.iotseal.label.LabelIssuer;
import io.iotseal.label.LabelLifecycle;
import io.iotseal.label.status.LabelState;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.Renewal;
import io.iotseal.scheme.Scheme;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.label.LifecycleRepository.Kind;
import io.iotseal.server.label.LifecycleRepository.Request;
import io.iotseal.server.label.LifecycleRepository.RequestState;
import io.iotseal.server.label.LifecycleView.RequestView;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renewal and declaration updates (ADR 0053). The label's vendor (or the operator's admins) asks; the
 * operator decides. An approved renewal issues a new label (new id and status index, same registration
 * number, a new validity from the scheme data) and revokes the one it supersedes, so its printed QR says
 * so; an approved update clears the pending lapse. Both happen in one transaction, audit-logged.
 */
@Service
class RenewalService {

    private final LabelLookup lookup;
    private final LabelIssuance issuance;
    private final StatusListService statusLists;
    private final LabelRepository repository;
    private final LifecycleRepository lifecycle;
    private final Lifecycles lifecycles;
    private final ProductRepository products;
    private final StandardsLibrary library;
    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;

    RenewalService(LabelLookup lookup, LabelIssuance issuance, StatusListService statusLists, LabelRepository repository,
                   LifecycleRepository lifecycle, Lifecycles lifecycles,
                   ProductRepository products, StandardsLibrary library, AuditLog audit, Clock clock,
                   Outbox outbox) {
        this.lookup = lookup;
        this.issuance = issuance;
        this.statusLists = statusLists;
        this.repository = repository;
        this.lifecycle = lifecycle;
        this.lifecycles = lifecycles;
        this.products = products;
        this.library = library;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** The renewal and update requests waiting for the operator, the longest waiting first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<RequestView> openRequests(Actor actor, int limit) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the scheme operator decides renewal and update requests");
        }
        return lifecycle.openRequests(limit).stream().map(RequestView::of).toList();
    }

    /** Every request about a label the caller may see, the newest first, with the operator's decisions. */
    @Transactional(readOnly = true)
    public List<RequestView> requestsOf(Actor actor, UUID labelId) {
        return lifecycle.requestsOf(lookup.visible(actor, labelId).id()).stream().map(RequestView::of).toList();
    }

    @Transactional
    public RequestView request(Actor actor, UUID labelId, LabelRequestInput input) {
        LabelRow row = lookup.visible(actor, labelId);
        if (!actor.hasRole(Role.OPERATOR_ADMIN)
                && !actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(row.vendorId())) {
            throw ApiException.forbidden("the label's vendor (or the operator's admins) requests its renewal or update");
        }
        Kind kind = switch (input.kind()) {
            case "renewal" -> Kind.RENEWAL;
            case "update" -> Kind.UPDATE;
            default -> throw ApiException.invalid("kind", "one of renewal, update");
        };
        String note = blankToNull(input.note());
        requireActive(row);
        if (kind == Kind.RENEWAL) {
            requireInWindow(row, lifecycles.today());
            requireExtends(row, products.find(row.productId()).orElseThrow());
        } else {
            if (note == null) {
                throw ApiException.invalid("note", "required for an update: what the updated declaration covers");
            }
            if (lifecycle.state(row.id()).lapseOn() == null) {
                throw conflict("kind", "the label has no pending lapse; an update records a declaration updated after"
                        + " a change of the level's requirements");
            }
        }
        Optional<Request> open = lifecycle.openRequest(row.id());
        if (open.isPresent()) {
            throw conflict("label", "request " + open.get().id() + " is already open; wait for the operator's decision");
        }
        Request r = new Request(UUID.randomUUID(), row.id(), kind, RequestState.REQUESTED, note, actor.auditName(),
                OffsetDateTime.now(clock), null, null, null, null, 1);
        try {
            lifecycle.insertRequest(r);
        } catch (DuplicateKeyException e) {
            throw conflict("label", "another request for this label was opened at the same time");
        }
        audit.record(actor, "label.request.create", "label_request", r.id(), null, audited(r));
        return RequestView.of(r);
    }

    @Transactional
    public RequestView decide(Actor actor, UUID labelId, UUID requestId, LabelDecisionInput input, String ifMatch) {
        LabelRow row = lookup.visible(actor, labelId);
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the scheme operator decides renewal and update requests");
        }
        Request r = lifecycle.request(requestId).filter(x -> x.label().equals(labelId))
                .orElseThrow(() -> ApiException.notFound("request " + requestId));
        ETags.requireMatch(ifMatch, r.version());
        boolean approve = switch (input.action()) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw ApiException.invalid("action", "one of approve, reject");
        };
        if (r.state() != RequestState.REQUESTED) {
            throw conflict("action", "the request is already " + r.state().name().toLowerCase(Locale.ROOT));
        }
        String comment = blankToNull(input.comment());
        if (!approve && comment == null) {
            throw ApiException.invalid("comment", "required to reject (tell the requester why)");
        }
        if (approve) {
            requireActive(row);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!lifecycle.decide(r.id(), r.version(), approve ? RequestState.APPROVED : RequestState.REJECTED,
                actor.auditName(), now, comment)) {
            throw ETags.preconditionFailed();
        }
        if (approve && r.kind() == Kind.RENEWAL) {
            lifecycle.setNewLabel(r.id(), renew(actor, row, now));
        } else if (approve) {
            clearLapse(actor, row, now);
        }
        Request decided = lifecycle.request(r.id()).orElseThrow();
        audit.record(actor, "label.request." + input.action(), "label_request", r.id(), audited(r), audited(decided));
        return RequestView.of(decided);
    }

    /** Issues the renewed label from today, for the level's maximum validity capped at the support period end. */
    private UUID renew(Actor actor, LabelRow old, OffsetDateTime now) {
        Scheme scheme = library.scheme(old.scheme()).orElseThrow();
        Product product = products.find(old.productId()).orElseThrow();
        requireExtends(old, product);
        // The facts the vendor declared stay; only the support period is read anew, since it caps the validity.
        Label prior = old.label();
        var facts = new io.iotseal.label.Product(prior.product().vendor(), prior.product().name(),
                prior.product().models(), prior.product().versions(), product.supportEndDate());
        IssuedLabel issued;
        try {
            Label label = LabelIssuer.issue(scheme, old.level(), issuance.newLabelId(),
                    LabelIssuance.productNumber(lifecycle.firstStatusIndex(old.id())), facts,
                    lifecycles.today(), repository.nextStatusIndex());
            issued = issuance.sign(label, scheme);
        } catch (IllegalArgumentException e) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                    List.of(new FieldError("label", "cannot issue the renewed label: " + e.getMessage())));
        }
        LabelRow renewed = LabelRow.issued(issued, old.assessmentId(), old.productId(), old.vendorId(), now);
        repository.insert(renewed);
        lifecycle.markRenewal(renewed.id(), old.id());
        String reason = "superseded by renewal: label " + renewed.labelId() + ", valid until " + renewed.expiry();
        if (!lifecycle.supersede(old.id(), old.version(), reason, now)) {
            throw ETags.preconditionFailed();
        }
        Map<String, Object> issuedAudit = LabelAudit.of(renewed);
        issuedAudit.put("renewalOf", old.labelId());
        audit.record(actor, "label.issue", "label", renewed.id(), null, issuedAudit);
        audit.record(actor, "label.supersede", "label", old.id(), LabelAudit.of(old),
                LabelAudit.of(repository.find(old.id()).orElseThrow()));
        outbox.label(EventType.LABEL_REVOKED, old.id(), Map.of("cause", "superseded", "renewedBy", renewed.labelId()));
        outbox.label(EventType.LABEL_ISSUED, renewed.id(), Map.of("cause", "renewal", "renewalOf", old.labelId()));
        statusLists.statusListsChanged();
        return renewed.id();
    }

    private void clearLapse(Actor actor, LabelRow row, OffsetDateTime now) {
        LifecycleRepository.State s = lifecycle.state(row.id());
        if (s.lapseOn() == null) {
            throw conflict("action", "the label has no pending lapse any more");
        }
        if (!lifecycle.clearLapse(row.id(), row.version(), now)) {
            throw ETags.preconditionFailed();
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("lapseOn", s.lapseOn().toString());
        before.put("requirementsChangedOn", String.valueOf(s.changedOn()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lapseOn", null);
        audit.record(actor, "label.lapse.clear", "label", row.id(), before, after);
    }

    private static void requireActive(LabelRow row) {
        if (row.status() != LabelState.Kind.ACTIVE) {
            throw conflict("label", "the label is " + row.status().name().toLowerCase(Locale.ROOT)
                    + (row.reason() == null ? "" : " (" + row.reason() + ")") + "; only an active label is renewed or updated");
        }
    }

    private void requireInWindow(LabelRow row, LocalDate today) {
        Optional<LabelLifecycle.Window> window = lifecycles.window(row);
        if (window.isEmpty()) {
            Renewal data = lifecycles.level(row).renewal();
            String note = data == null || data.note() == null ? "" : " (" + data.note().en() + ")";
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", List.of(new FieldError(
                    "window", "the renewal window of " + row.scheme() + ":" + row.level()
                    + " is not known: the scheme data does not state it" + note)));
        }
        LabelLifecycle.Window w = window.get();
        if (!w.contains(today)) {
            throw conflict("window", "renewal can be requested from " + w.opens() + " to " + w.closes()
                    + " (the label expires on " + row.expiry() + "); today is " + today);
        }
    }

    /** A renewal that would not outlast the current label only revokes it: refused, naming the support period. */
    private static void requireExtends(LabelRow row, Product product) {
        if (product.supportEndDate() == null || !product.supportEndDate().isAfter(row.expiry())) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", List.of(new FieldError(
                    "supportEndDate", "the product's support period ends " + (product.supportEndDate() == null
                    ? "on no stated date" : "on " + product.supportEndDate()) + ", not after the label's expiry "
                    + row.expiry() + ", and a label never outlives it: extend the product's support period first")));
        }
    }

    private static ApiException conflict(String field, String message) {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError(field, message)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> audited(Request r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", r.label());
        m.put("kind", r.kind().name());
        m.put("state", r.state().name());
        m.put("note", r.note());
        m.put("comment", r.comment());
        m.put("newLabel", r.newLabel());
        return m;
    }
}
