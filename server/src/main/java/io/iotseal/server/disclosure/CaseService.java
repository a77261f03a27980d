package io.iotseal.server.disclosure;

import io.iotseal.disclosure.CaseState;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cases after intake (issue 17 item 2, ADR 0099): what the vendor's people and the operator see and do, and what
 * the reporter does through the capability link. Who may: the case's vendor's members and the operator's admins
 * act; the operator's reviewers read; everyone else gets 404 for a case (as for records they may not see). Every
 * change is in the audit log (without the report's body or the reporter's contact, which stay in the case) and
 * bumps the version the ETag carries.
 */
@Service
public class CaseService {

    /** At most this many cases on a list page; the queue is filtered by state before it grows that long. */
    static final int LIST_LIMIT = 500;

    private final CaseRepository repository;
    private final CaseLinks links;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CaseProperties properties;
    private final CaseAdvisories advisories;
    private final Clock clock;

    CaseService(CaseRepository repository, CaseLinks links, AuditLog audit, ApplicationEventPublisher events,
                CaseProperties properties, CaseAdvisories advisories, Clock clock) {
        this.advisories = advisories;
        this.repository = repository;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The operator's queue (every vendor) or a vendor's own cases, newest first, optionally in one state. */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> list(Actor actor, String state) {
        String chosen = state == null || state.isBlank() ? null : state(state, "state").name();
        if (actor.isOperator()) {
            return repository.list(null, chosen, LIST_LIMIT);
        }
        Set<UUID> vendors = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER);
        if (vendors.isEmpty()) {
            throw ApiException.forbidden("cases are their vendor's and the scheme operator's");
        }
        return repository.list(vendors, chosen, LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public CaseView get(Actor actor, UUID id) {
        return full(readable(actor, id));
    }

    /** Moves the case to another state; {@code version} is the one the caller read (412 when it changed). */
    @Transactional
    public CaseView transition(Actor actor, UUID id, long version, TransitionInput input) {
        CaseView before = writable(actor, id);
        sameVersion(before, version);
        if (input == null || input.state() == null || input.state().isBlank()) {
            throw ApiException.invalid("state", "required: one of " + Arrays.toString(CaseState.values()));
        }
        CaseState from = CaseState.valueOf(before.state());
        CaseState to = state(input.state(), "state");
        if (!from.mayMoveTo(to)) {
            throw ApiException.conflict("a case in " + from + " may move to " + from.next() + "; not to " + to);
        }
        String fixedVersion = CaseFacts.blankToNull(input.fixedVersion());
        String reason = CaseFacts.blankToNull(input.reason());
        if (to == CaseState.FIXED && fixedVersion == null) {
            throw ApiException.invalid("fixedVersion", "FIXED needs the product version with the fix");
        }
        if (fixedVersion != null && (to != CaseState.FIXED || fixedVersion.length() > 100)) {
            throw ApiException.invalid("fixedVersion", to != CaseState.FIXED ? "only FIXED names a fixed version"
                    : "at most 100 characters");
        }
        if (to == CaseState.REJECTED && reason == null) {
            throw ApiException.invalid("reason", "REJECTED needs the reason, which the reporter reads");
        }
        if (reason != null && (to != CaseState.REJECTED || reason.length() > 2000)) {
            throw ApiException.invalid("reason", to != CaseState.REJECTED ? "only REJECTED takes a reason"
                    : "at most 2000 characters");
        }
        boolean advisoryGiven = input.advisoryTitle() != null || input.advisoryDescription() != null
                || input.affectedVersions() != null;
        if (advisoryGiven && to != CaseState.DISCLOSED) {
            throw ApiException.invalid(input.advisoryTitle() != null ? "advisoryTitle"
                    : input.advisoryDescription() != null ? "advisoryDescription" : "affectedVersions",
                    "only DISCLOSED publishes an advisory");
        }
        OffsetDateTime now = now();
        if (to == CaseState.DISCLOSED && before.embargoUntil() != null
                && now.toLocalDate().isBefore(before.embargoUntil())) {
            throw ApiException.conflict("the case is embargoed until " + before.embargoUntil()
                    + "; change the embargo first if the vendor and the reporter agreed to disclose earlier");
        }
        CaseAdvisories.Disclosure disclosure = to == CaseState.DISCLOSED ? CaseAdvisories.check(before, input) : null;
        if (!repository.changeState(id, version, to, stamp(to), fixedVersion, reason, now)) {
            throw ETags.preconditionFailed();
        }
        CaseView after = full(repository.find(id).orElseThrow());
        audit.record(actor, "case.state", "disclosure_case", id, audited(before), audited(after));
        events.publishEvent(new CaseStateChanged(id, after.vendorId(), from, to, now));
        if (disclosure != null) {
            advisories.publish(after, disclosure, actor, now.toInstant());
            events.publishEvent(new CaseDisclosed(id));
        }
        return after;
    }

    /** The vendor's assessment: CVE id, CVSS vector, actively exploited (its moment recorded once), embargo. */
    @Transactional
    public CaseView updateFacts(Actor actor, UUID id, long version, CaseFacts facts) {
        CaseView before = writable(actor, id);
        sameVersion(before, version);
        String cve = facts.checkedCveId();
        String vector = facts.checkedVector();
        boolean exploited = Boolean.TRUE.equals(facts.activelyExploited());
        LocalDate embargo = facts.embargoUntil();
        if (embargo != null && embargo.isAfter(now().toLocalDate().plusYears(2))) {
            throw ApiException.invalid("embargoUntil", "at most two years ahead");
        }
        if (CaseState.valueOf(before.state()).disclosedBy(before.moments().disclosedAt() != null)
                && embargo != null && !embargo.equals(before.embargoUntil())) {
            throw ApiException.invalid("embargoUntil", "the case is disclosed: an embargo no longer applies");
        }
        OffsetDateTime now = now();
        if (!repository.updateFacts(id, version, cve, vector, exploited, embargo, now)) {
            throw ETags.preconditionFailed();
        }
        CaseView after = full(repository.find(id).orElseThrow());
        audit.record(actor, "case.facts", "disclosure_case", id, audited(before), audited(after));
        if (exploited && before.moments().exploitationKnownAt() == null) {
            CaseState state = CaseState.valueOf(after.state());
            events.publishEvent(new CaseStateChanged(id, after.vendorId(), state, state, now));
        }
        return after;
    }

    /** Records a moment no state change marks (a severe incident, a CRA report sent); once each. */
    @Transactional
    public CaseView recordMoment(Actor actor, UUID id, long version, MomentInput input) {
        CaseView before = writable(actor, id);
        sameVersion(before, version);
        CaseMoment moment;
        try {
            moment = CaseMoment.valueOf(input.moment() == null ? "" : input.moment().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("moment", "one of " + Arrays.toString(CaseMoment.values()));
        }
        OffsetDateTime now = now();
        OffsetDateTime at = input.at() == null ? now : input.at().withOffsetSameInstant(ZoneOffset.UTC);
        if (at.isAfter(now) || at.isBefore(before.moments().receivedAt().minusYears(1))) {
            throw ApiException.invalid("at", "not in the future, nor long before the report");
        }
        if (!repository.recordMoment(id, version, moment, at, now)) {
            if (repository.find(id).map(CaseView::version).orElse(-1L) != version) {
                throw ETags.preconditionFailed();
            }
            throw ApiException.conflict(moment + " was recorded before; a recorded moment is not moved");
        }
        CaseView after = full(repository.find(id).orElseThrow());
        audit.record(actor, "case.moment", "disclosure_case", id, null, Map.of("moment", moment.name(), "at", at.toString()));
        CaseState state = CaseState.valueOf(after.state());
        events.publishEvent(new CaseStateChanged(id, after.vendorId(), state, state, now));
        return after;
    }

    /** A message of the vendor's or operator's people to the thread. */
    @Transactional
    public CaseView message(Actor actor, UUID id, MessageInput input) {
        CaseView c = writable(actor, id);
        String body = body(input);
        String kind = authorKind(actor, c);
        repository.addMessage(id, kind, actor.userId(), actor.auditName(), body, now());
        audit.record(actor, "case.message", "disclosure_case", id, null, Map.of("authorKind", kind,
                "characters", body.length()));
        return full(repository.find(id).orElseThrow());
    }

    /** Revokes every capability link of the case (a leaked link, or a reporter who asks). */
    @Transactional
    public CaseView revokeLinks(Actor actor, UUID id) {
        writable(actor, id);
        int revoked = links.revokeAll(id, actor.auditName(), now());
        audit.record(actor, "case.links.revoke", "disclosure_case", id, null, Map.of("revoked", revoked));
        return full(repository.find(id).orElseThrow());
    }

    /** What the reporter's link shows; 404 alike for an unknown, expired or revoked token. */
    @Transactional(readOnly = true)
    public ReporterView reporterView(String token) {
        UUID id = links.open(token, now()).orElseThrow(() -> ApiException.notFound("case"));
        CaseView c = repository.find(id).orElseThrow(() -> ApiException.notFound("case"));
        List<ReporterView.Message> messages = repository.messages(id).stream()
                .map(m -> new ReporterView.Message(m.authorKind(), m.body(), m.createdAt())).toList();
        List<String> files = repository.attachments(id).stream().map(CaseView.Attachment::fileName).toList();
        return new ReporterView(c.state(), c.labelId(), c.productName(), c.productVersion(), c.vendorName(),
                c.summary(), readDetails(c.details()), c.fixedVersion(), c.rejectReason(), c.moments().receivedAt(),
                links.expiresAt(token),
                messages, files);
    }

    /** The reporter's answer through the link. */
    @Transactional
    public void reporterMessage(String token, MessageInput input) {
        UUID id = links.open(token, now()).orElseThrow(() -> ApiException.notFound("case"));
        String body = body(input);
        repository.addMessage(id, "REPORTER", null, null, body, now());
        audit.record(ReportIntake.REPORTER, "case.message", "disclosure_case", id, null,
                Map.of("authorKind", "REPORTER", "characters", body.length()));
    }

    /** The case a live link opens (for attachments); 404 otherwise. */
    UUID caseOfLink(String token) {
        return links.open(token, now()).orElseThrow(() -> ApiException.notFound("case"));
    }

    CaseView writableCase(Actor actor, UUID id) {
        return writable(actor, id);
    }

    CaseView readableCase(Actor actor, UUID id) {
        return readable(actor, id);
    }

    int maxMessageChars() {
        return properties.maxMessageChars();
    }

    /**
     * The report's body as stored, for reading: the counterpart of {@link ReportIntake#storedDetails}, where a
     * decryption step would go.
     */
    static String readDetails(String stored) {
        return stored;
    }

    private String body(MessageInput input) {
        String body = input == null ? null : CaseFacts.blankToNull(input.body());
        if (body == null) {
            throw ApiException.invalid("body", "required");
        }
        if (body.length() > properties.maxMessageChars()) {
            throw ApiException.invalid("body", "at most " + properties.maxMessageChars() + " characters");
        }
        return body;
    }

    private CaseView readable(Actor actor, UUID id) {
        CaseView c = repository.find(id).orElseThrow(() -> ApiException.notFound("case"));
        if (actor.isOperator() || ownVendor(actor, c)) {
            return c;
        }
        throw ApiException.notFound("case");
    }

    private CaseView writable(Actor actor, UUID id) {
        CaseView c = readable(actor, id);
        if (!ownVendor(actor, c) && !actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("the operator's reviewers read cases; its admins and the vendor act on them");
        }
        return c;
    }

    /** Which side a writer is on: the case's vendor, or (an operator admin not of that vendor) the operator. */
    static String authorKind(Actor actor, CaseView c) {
        return ownVendor(actor, c) ? "VENDOR" : "OPERATOR";
    }

    private static boolean ownVendor(Actor actor, CaseView c) {
        return actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(c.vendorId());
    }

    private CaseView full(CaseView c) {
        return new CaseView(c.id(), c.version(), c.state(), c.label(), c.labelId(), c.productId(), c.productName(),
                c.versionId(), c.productVersion(), c.vendorId(), c.vendorName(), c.summary(), readDetails(c.details()),
                c.reporterName(), c.reporterEmail(), c.reporterConsents(), c.reportedExploited(), c.activelyExploited(),
                c.cveId(), c.cvssVector(), c.severity(), c.embargoUntil(), c.fixedVersion(), c.rejectReason(),
                c.moments(), links.live(c.id(), now()), repository.messages(c.id()), repository.attachments(c.id()));
    }

    /** The moment a state change marks (a column of disclosure_case), or null. */
    private static String stamp(CaseState to) {
        return switch (to) {
            case ACKNOWLEDGED -> "acknowledged_at";
            case TRIAGED -> "triaged_at";
            case FIXED -> "fixed_at";
            case DISCLOSED -> "disclosed_at";
            case CLOSED, REJECTED -> "closed_at";
            default -> null;
        };
    }

    static CaseState state(String value, String field) {
        try {
            return CaseState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "one of " + Arrays.toString(CaseState.values()) + "; not " + value);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The optimistic-locking check against the version the caller read (412 when it changed since). */
    private static void sameVersion(CaseView current, long version) {
        if (current.version() != version) {
            throw ETags.preconditionFailed();
        }
    }

    /**
     * What the audit log keeps of a case: its state and the vendor's assessment, never the report's body or the
     * reporter's contact (the log is kept forever and hash-chained: it could not forget them).
     */
    private static Map<String, Object> audited(CaseView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", c.state());
        m.put("version", c.version());
        m.put("activelyExploited", c.activelyExploited());
        m.put("cveId", c.cveId());
        m.put("cvssVector", c.cvssVector());
        m.put("embargoUntil", c.embargoUntil() == null ? null : c.embargoUntil().toString());
        m.put("fixedVersion", c.fixedVersion());
        m.put("rejectReason", c.rejectReason());
        return m;
    }
}
