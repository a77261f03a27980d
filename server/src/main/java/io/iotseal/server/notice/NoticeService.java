package io.iotseal.server.notice;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.label.StatusListService;
import io.iotseal.server.label.SupportPeriods;
import io.iotseal.server.organization.NameChange;
import io.iotseal.server.organization.NameChangeInput;
import io.iotseal.server.organization.NameChangeService;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductInput;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Vendor notices (issue 17 item 5, ADR 0100): a label's vendor sends one; the operator's admins acknowledge it or
 * ask for a clarification, which the vendor answers. Public consequences are applied on acknowledgement only,
 * through the code paths that own them: a new support period end through {@link ProductService#update} and
 * {@link SupportPeriods}, a firmware update as a new product version through {@link ProductService#addVersion};
 * the remembered label pages are rendered afresh as for a triage (ADR 0096). Every change is audited and told to
 * the other side through the outbox.
 */
@Service
public class NoticeService {

    static final int QUEUE_LIMIT = 500;

    private final NoticeRepository notices;
    private final LabelLookup labels;
    private final ProductService products;
    private final NameChangeService nameChanges;
    private final SupportPeriods supportPeriods;
    private final StatusListService labelPages;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    NoticeService(NoticeRepository notices, LabelLookup labels, ProductService products, NameChangeService nameChanges,
                  SupportPeriods supportPeriods, StatusListService labelPages, AuditLog audit, Outbox outbox, Clock clock) {
        this.notices = notices;
        this.labels = labels;
        this.products = products;
        this.nameChanges = nameChanges;
        this.supportPeriods = supportPeriods;
        this.labelPages = labelPages;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends a notice about a label; only the vendor users of the label's vendor (anyone else: 404, the operator 403). */
    @Transactional
    public NoticeView submit(Actor actor, String labelId, NoticeInput input) {
        LabelView label = labels.get(actor, labelId);
        Product product = products.get(actor, label.productId());
        if (!actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId())) {
            if (actor.isOperator()) {
                throw ApiException.forbidden("notices come from the label's vendor; the operator acknowledges them");
            }
            throw ApiException.notFound("label " + labelId);
        }
        if (!"valid".equals(label.status()) && !"suspended".equals(label.status())) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("label",
                    "the label is " + label.status() + "; notices are about labels that are valid or suspended")));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        NoticeRules.Checked c = NoticeRules.check(input, today(), product.supportEndDate());
        UUID nameChange = c.newLegalName() == null ? null : fileNameChange(actor, product.vendorId(), c);
        Notice n = new Notice(UUID.randomUUID(), label.id(), product.id(), product.vendorId(), c.kind(),
                NoticeState.SUBMITTED, c.version(), c.releaseDate(), c.changes(), c.securityFixes(), c.newLegalName(),
                c.newLegalNameJa(), nameChange, c.newProductName(), c.newModel(), c.vulnerabilityId(),
                c.vulnerabilityStatus(), c.fixedVersion(), c.newSupportEnd(),
                c.kind() == NoticeKind.SUPPORT_PERIOD ? product.supportEndDate() : null, c.explanation(),
                actor.auditName(), now, null, null, now, 1, null, null, null, null, null);
        notices.insert(n);
        Notice stored = notices.find(n.id()).orElseThrow();
        audit.record(actor, "notice.submit", "vendor_notice", n.id(), null, audited(stored));
        outbox.labelPrivately(EventType.NOTICE_SUBMITTED, stored.label(), event(stored, null));
        return view(stored);
    }

    /**
     * A new legal name is a name change request (ADR 0067), filed in the same transaction and linked, so it is
     * decided where every name change is (uniqueness, the operator's approval); its refusal names this field.
     */
    private UUID fileNameChange(Actor actor, UUID vendor, NoticeRules.Checked c) {
        try {
            NameChange change = nameChanges.request(actor, vendor, new NameChangeInput(c.newLegalName(), c.newLegalNameJa()));
            return change.id();
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            throw ApiException.withErrors(e.status(), e.title(), List.of(new FieldError("newLegalName", message)));
        }
    }

    /** A label's notices, the newest first, for those who see the label and work for its vendor or the operator. */
    @Transactional(readOnly = true)
    public List<NoticeView> ofLabel(Actor actor, String labelId) {
        LabelView label = labels.get(actor, labelId);
        Product product = products.get(actor, label.productId());
        if (!actor.isOperator() && !actor.organizations().contains(product.vendorId())) {
            throw ApiException.notFound("label " + labelId);
        }
        return notices.ofLabel(label.id()).stream().map(this::view).toList();
    }

    /** One notice, for its vendor's people and the operator's; anyone else 404. */
    @Transactional(readOnly = true)
    public NoticeView get(Actor actor, UUID id) {
        return view(visible(actor, id));
    }

    /** The operator's queue: notices waiting for the operator ({@code state} null) or in {@code state}, the oldest first. */
    @Transactional(readOnly = true)
    public List<NoticeView> queue(Actor actor, NoticeState state) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the scheme operator's people see every vendor's notices");
        }
        List<NoticeState> states = state == null ? List.of(NoticeState.SUBMITTED) : List.of(state);
        return notices.inStates(states, QUEUE_LIMIT).stream().map(this::view).toList();
    }

    /** The operator's admins acknowledge a submitted notice and its public consequences are applied. */
    @Transactional
    public NoticeView acknowledge(Actor actor, UUID id, String ifMatch) {
        Notice n = decidable(actor, id, ifMatch);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!notices.changeState(n.id(), n.version(), NoticeState.ACKNOWLEDGED, actor.auditName(), now)) {
            throw ETags.preconditionFailed();
        }
        consequences(actor, n);
        Notice stored = notices.find(id).orElseThrow();
        audit.record(actor, "notice.acknowledge", "vendor_notice", id, audited(n), audited(stored));
        outbox.labelPrivately(EventType.NOTICE_ACKNOWLEDGED, n.label(), event(stored, null));
        labelPages.securityInformationChanged(); // remembered label pages are rendered afresh after commit
        return view(stored);
    }

    /** The operator's admins ask the vendor about a submitted notice; it waits for the vendor's answer. */
    @Transactional
    public NoticeView clarify(Actor actor, UUID id, MessageInput input, String ifMatch) {
        Notice n = decidable(actor, id, ifMatch);
        String message = message(input);
        return addMessage(actor, n, NoticeState.CLARIFICATION_REQUESTED, "OPERATOR", message, "notice.clarify",
                EventType.NOTICE_CLARIFICATION_REQUESTED);
    }

    /** The label's vendor answers the operator's question; the notice waits for the operator again. */
    @Transactional
    public NoticeView answer(Actor actor, UUID id, MessageInput input, String ifMatch) {
        Notice n = visible(actor, id);
        if (!actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(n.vendorId())) {
            throw ApiException.forbidden("the label's vendor answers the operator's question");
        }
        ETags.requireMatch(ifMatch, n.version());
        if (n.state() != NoticeState.CLARIFICATION_REQUESTED) {
            throw conflict("state", "the notice is " + stateText(n) + "; only a question of the operator is answered");
        }
        return addMessage(actor, n, NoticeState.SUBMITTED, "VENDOR", message(input), "notice.answer",
                EventType.NOTICE_SUBMITTED);
    }

    private NoticeView addMessage(Actor actor, Notice n, NoticeState next, String side, String message, String action,
                                  EventType event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!notices.changeState(n.id(), n.version(), next, null, now)) {
            throw ETags.preconditionFailed();
        }
        Notice.Message m = new Notice.Message(UUID.randomUUID(), actor.auditName(), side, message, now);
        notices.insertMessage(n.id(), m);
        Notice stored = notices.find(n.id()).orElseThrow();
        Map<String, Object> after = audited(stored);
        after.put("message", message);
        audit.record(actor, action, "vendor_notice", n.id(), audited(n), after);
        outbox.labelPrivately(event, n.label(), event(stored, message));
        return view(stored);
    }

    /** The notice, for an operator admin to decide, if it is waiting for the operator at {@code ifMatch}. */
    private Notice decidable(Actor actor, UUID id, String ifMatch) {
        Notice n = visible(actor, id);
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("the operator's admins acknowledge notices or ask about them");
        }
        ETags.requireMatch(ifMatch, n.version());
        if (n.state() != NoticeState.SUBMITTED) {
            throw conflict("state", "the notice is " + stateText(n) + "; only a submitted notice is acknowledged or asked about");
        }
        return n;
    }

    /**
     * What an acknowledged notice changes. A support period end goes through the product's own update (audited
     * {@code product.update}) and onto its labels ({@link SupportPeriods}); a firmware update the registry does not
     * know becomes a product version (audited {@code product.version.create}), so the security information can say
     * an update is available. A fixed vulnerability and a change of company or product change nothing else: the
     * page lists the fix, and a legal name changes when its name change request is approved.
     */
    private void consequences(Actor actor, Notice n) {
        if (n.kind() == NoticeKind.SUPPORT_PERIOD) {
            Product p = products.get(actor, n.productId());
            if (!n.newSupportEnd().equals(p.supportEndDate())) {
                products.update(actor, p.id(), withSupportEnd(p, n.newSupportEnd()), ETags.of(p.version()));
            }
            supportPeriods.changeSupportEnd(actor, n.productId(), n.newSupportEnd(), n.id());
        } else if (n.kind() == NoticeKind.FIRMWARE_UPDATE) {
            Product p = products.get(actor, n.productId());
            if (p.versions().stream().noneMatch(v -> v.version().equals(n.firmwareVersion()))) {
                products.addVersion(actor, p.id(), new VersionInput(n.firmwareVersion(), n.releaseDate(), n.changes()));
            }
        }
    }

    private static ProductInput withSupportEnd(Product p, LocalDate end) {
        return new ProductInput(p.vendorId(), p.nameEn(), p.nameJa(), p.modelNumbers(), p.category(), p.description(),
                p.deviceDescription(), p.ipCapable(), p.services(), end, p.vulnerabilityDisclosureUrl(),
                p.vulnerabilityContact(), p.vulnerabilityOpenPgpKey(), p.published());
    }

    private Notice visible(Actor actor, UUID id) {
        Notice n = notices.find(id).orElseThrow(() -> ApiException.notFound("notice " + id));
        if (!actor.isOperator() && !actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(n.vendorId())) {
            throw ApiException.notFound("notice " + id);
        }
        return n;
    }

    private static String message(MessageInput input) {
        String m = input == null ? null : NoticeRules.trim(input.message());
        if (m == null) {
            throw ApiException.invalid("message", "required");
        }
        if (m.length() > 2000) {
            throw ApiException.invalid("message", "at most 2000 characters");
        }
        return m;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private NoticeView view(Notice n) {
        return NoticeView.of(n, notices.messages(n.id()));
    }

    private static String stateText(Notice n) {
        return n.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ApiException conflict(String field, String message) {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError(field, message)));
    }

    private static Map<String, Object> event(Notice n, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("noticeId", n.id().toString());
        data.put("kind", n.kind().code());
        data.put("noticeState", n.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (message != null) {
            data.put("message", message);
        }
        return data;
    }

    private static Map<String, Object> audited(Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", n.label());
        m.put("kind", n.kind().code());
        m.put("state", n.state().name());
        m.put("firmwareVersion", n.firmwareVersion());
        m.put("releaseDate", n.releaseDate() == null ? null : n.releaseDate().toString());
        m.put("changes", n.changes());
        m.put("securityFixes", n.securityFixes());
        m.put("newLegalName", n.newLegalName());
        m.put("newLegalNameJa", n.newLegalNameJa());
        m.put("nameChange", n.nameChangeId());
        m.put("newProductName", n.newProductName());
        m.put("newModel", n.newModel());
        m.put("vulnerabilityId", n.vulnerabilityId());
        m.put("status", n.vulnerabilityStatus());
        m.put("fixedVersion", n.fixedVersion());
        m.put("newSupportEnd", n.newSupportEnd() == null ? null : n.newSupportEnd().toString());
        m.put("previousSupportEnd", n.previousSupportEnd() == null ? null : n.previousSupportEnd().toString());
        m.put("explanation", n.explanation());
        m.put("acknowledgedBy", n.acknowledgedBy());
        return m;
    }
}
