package io.iotseal.server.disclosure;

import io.iotseal.disclosure.OperatorCopy;
import io.iotseal.disclosure.ReportingClocks;
import io.iotseal.disclosure.SchemeReporting;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Routes an accepted report (issue 17 item 1, ADR 0102), in the intake's transaction: a private
 * {@link EventType#CASE_RECEIVED} event for the vendor's subscriptions, and for the operator's only when the
 * scheme's entry of the reporting clocks data copies the operator (ADR 0097); the decision and its basis are kept
 * with the case. The e-mail to the product's vulnerability contact is sent after commit by
 * {@link VendorContactMail}; until then the case says it is pending.
 */
@Service
class ReportRouting {

    /** A report routed with an e-mail to send, published inside the intake's transaction. */
    record Routed(UUID caseId) {
    }

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s:<>]{1,64}@[^@\\s<>]+\\.[^@\\s<>]+");

    private final RoutingRepository repository;
    private final ReportingClocks clocks;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CaseService cases;

    ReportRouting(RoutingRepository repository, ReportingClocks clocks, Outbox outbox, AuditLog audit,
                  ApplicationEventPublisher events, CaseService cases) {
        this.cases = cases;
        this.repository = repository;
        this.clocks = clocks;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
    }

    /** The e-mail address of a vulnerability contact (plain, or a {@code mailto:} URI); null when it is none. */
    static String address(String contact) {
        if (contact == null) {
            return null;
        }
        String c = contact.strip();
        if (c.regionMatches(true, 0, "mailto:", 0, 7)) {
            c = c.substring(7);
            int query = c.indexOf('?');
            c = query < 0 ? c : c.substring(0, query);
        }
        return ADDRESS.matcher(c).matches() ? c : null;
    }

    /** How the case's report was routed, for whoever may read the case (404 otherwise); empty for older cases. */
    @Transactional(readOnly = true)
    public Optional<CaseRouting> of(Actor actor, UUID caseId) {
        cases.get(actor, caseId);
        return repository.find(caseId);
    }

    @Transactional(readOnly = true)
    public RoutingPreview preview(UUID label) {
        RoutingRepository.Destination d = repository.destination(label);
        boolean mailed = address(d.contact()) != null;
        return new RoutingPreview(mailed, mailed ? d.fingerprint() : null,
                clocks.forScheme(d.scheme()).operatorCopy().copied());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CaseRouting route(UUID caseId, CaseRepository.Target target, OffsetDateTime now) {
        RoutingRepository.Destination d = repository.destination(target.label());
        SchemeReporting rules = clocks.forScheme(d.scheme());
        OperatorCopy copy = rules.operatorCopy();
        String to = address(d.contact());
        CaseRouting routing = new CaseRouting(caseId, d.scheme(), rules.schemeId(), clocks.dataVersion(), copy.copied(),
                copy.iotsealDefault(), copy.basis().in("en"), copy.source() == null ? null : copy.source().citation(),
                to, to == null ? CaseRouting.NOT_SENT : CaseRouting.PENDING, null,
                to == null ? "the product's vulnerability contact is no e-mail address" : null, to == null ? now : null);
        repository.insert(routing);

        // Never the report's text: the event data goes to webhooks and is kept in the outbox (ADR 0099).
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", caseId.toString());
        data.put("productId", target.productId().toString());
        data.put("state", io.iotseal.disclosure.CaseState.RECEIVED.name().toLowerCase(Locale.ROOT));
        data.put("operatorCopied", copy.copied());
        outbox.labelPrivately(EventType.CASE_RECEIVED, target.label(), data, copy.copied());

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("operatorCopied", copy.copied());
        after.put("rule", rules.schemeId());
        after.put("dataVersion", clocks.dataVersion());
        after.put("mail", routing.mailState());
        audit.record(ReportIntake.REPORTER, "case.route", "disclosure_case", caseId, null, after);
        if (to != null) {
            events.publishEvent(new Routed(caseId));
        }
        return routing;
    }
}
