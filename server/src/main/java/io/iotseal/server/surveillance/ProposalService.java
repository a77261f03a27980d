package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.label.StatusChangeInput;
import io.iotseal.server.label.StatusChangeService;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import io.iotseal.surveillance.FindingFacts;
import io.iotseal.surveillance.PolicyEvaluation;
import io.iotseal.surveillance.Proposal;
import io.iotseal.surveillance.SchemePolicy;
import io.iotseal.surveillance.SurveillancePolicies;
import io.iotseal.surveillance.TriageState;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Surveillance proposals (issue 16 item 5, ADR 0096): the policy of each active label's scheme is applied to the
 * findings of the versions it covers; a rule that fires becomes an OPEN proposal for the operator, with its
 * evidence. Nothing is applied by itself: the operator opens a hearing (the vendor is told and may comment),
 * then applies the proposal through the label status action, or dismisses it.
 */
@Service
public class ProposalService {

    private final ProposalRepository repository;
    private final TriageRepository triage;
    private final VersionFindings findings;
    private final SurveillancePolicies policies;
    private final StatusChangeService statusChanges;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ProposalService(ProposalRepository repository, TriageRepository triage, VersionFindings findings,
                    SurveillancePolicies policies, StatusChangeService statusChanges, Outbox outbox, AuditLog audit,
                    Clock clock) {
        this.repository = repository;
        this.triage = triage;
        this.findings = findings;
        this.policies = policies;
        this.statusChanges = statusChanges;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one evaluation did. */
    public record Evaluation(int labels, int opened, int withdrawn) {
    }

    /** Applies the policies to every active label. Idempotent, so several instances may run it. */
    @Scheduled(fixedDelayString = "${iotseal.surveillance.evaluate-every:PT6H}",
            initialDelayString = "${iotseal.surveillance.first-evaluation:PT2M}")
    @Transactional
    public Evaluation evaluate() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int labels = 0;
        int opened = 0;
        int withdrawn = 0;
        for (ProposalRepository.WatchedLabel label : repository.activeLabels()) {
            Optional<SchemePolicy> policy = policies.forScheme(label.scheme());
            if (policy.isEmpty()) {
                continue;
            }
            labels++;
            for (UUID version : repository.labelledVersions(label.productId(), label.versions())) {
                Set<String> firing = new HashSet<>();
                for (Proposal p : PolicyEvaluation.evaluate(policy.get(), facts(version), now.toInstant())) {
                    String key = TriageRepository.findingKey(p.finding().advisoryId(), p.finding().component());
                    firing.add(p.ruleId() + "/" + key);
                    if (repository.open(label.id(), version, p, key, now)) {
                        opened++;
                    }
                }
                withdrawn += repository.withdrawExcept(label.id(), version, firing, now);
            }
        }
        return new Evaluation(labels, opened, withdrawn);
    }

    /** Each finding of the version with the vendor's current triage of it (UNTRIAGED when there is none). */
    List<FindingFacts> facts(UUID version) {
        List<TriageStatement> statements = triage.current(version);
        return findings.of(version).stream().map(f -> {
            TriageState state = statements.stream().filter(s -> f.coveredBy(s.vulnerability(), s.component()))
                    .map(TriageStatement::status).findFirst().orElse(TriageState.UNTRIAGED);
            return new FindingFacts(f.advisoryId(), f.component(), state, f.severity(), f.kevAdded(),
                    f.firstSeen().toInstant());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<ProposalView> list(Actor actor, String state) {
        if (actor.isOperator()) {
            return repository.list(state == null ? null : state(state));
        }
        Set<UUID> vendors = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER);
        if (vendors.isEmpty()) {
            throw ApiException.forbidden("surveillance proposals are for the operator and, once heard, the vendor");
        }
        return vendors.stream().flatMap(v -> repository.ofVendor(v).stream())
                .filter(p -> state == null || p.state().equals(state(state))).toList();
    }

    @Transactional(readOnly = true)
    public ProposalView get(Actor actor, UUID id) {
        return visible(actor, id);
    }

    @Transactional
    public ProposalView openHearing(Actor actor, UUID id) {
        requireOperatorAdmin(actor);
        ProposalView p = visible(actor, id);
        SchemePolicy policy = policies.forScheme(p.scheme()).orElseThrow(() -> ApiException.conflict(
                "the scheme " + p.scheme() + " has no surveillance policy any more"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime ends = now.plus(policy.hearingPeriod());
        if (!repository.hearing(id, ends, now)) {
            throw conflict("state", "a hearing opens only on an OPEN proposal; this one is " + p.state());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposalId", id.toString());
        data.put("vulnerability", p.vulnerability());
        data.put("component", p.component());
        data.put("proposedAction", p.action().toLowerCase(Locale.ROOT));
        data.put("hearingEnds", ends.toString());
        outbox.labelPrivately(EventType.SURVEILLANCE_HEARING_OPENED, p.label(), data);
        ProposalView after = repository.find(id).orElseThrow();
        audit.record(actor, "surveillance.hearing", "surveillance_proposal", id, p, after);
        return after;
    }

    @Transactional
    public ProposalView comment(Actor actor, UUID id, CommentInput input) {
        ProposalView p = visible(actor, id);
        if (!actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(p.vendorId())) {
            throw ApiException.forbidden("only the label's vendor comments on a hearing");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!"HEARING".equals(p.state()) || now.isAfter(p.hearingEnds())) {
            throw conflict("comment", "the hearing is not open (state " + p.state()
                    + (p.hearingEnds() == null ? "" : ", ended " + p.hearingEnds()) + ")");
        }
        repository.comment(id, input.comment().strip(), now);
        ProposalView after = repository.find(id).orElseThrow();
        audit.record(actor, "surveillance.comment", "surveillance_proposal", id, p, after);
        return after;
    }

    @Transactional
    public ProposalView decide(Actor actor, UUID id, DecisionInput input) {
        requireOperatorAdmin(actor);
        ProposalView p = visible(actor, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String note = input.note().strip();
        String outcome = input.outcome().strip().toLowerCase(Locale.ROOT);
        if (!outcome.equals("apply") && !outcome.equals("dismiss")) {
            throw ApiException.invalid("outcome", "apply or dismiss; not " + input.outcome());
        }
        if (!"OPEN".equals(p.state()) && !"HEARING".equals(p.state())) {
            throw conflict("outcome", "the proposal is already " + p.state());
        }
        if (outcome.equals("apply") && !input.isUrgent()) {
            if ("OPEN".equals(p.state())) {
                throw conflict("outcome", "open a hearing first: the vendor may comment before a label is "
                        + ("REVOKE".equals(p.action()) ? "revoked" : "suspended") + " (or mark the decision urgent)");
            }
            if (now.isBefore(p.hearingEnds())) {
                throw conflict("outcome", "the hearing runs until " + p.hearingEnds() + " (or mark the decision urgent)");
            }
        }
        if (outcome.equals("apply")) {
            String action = p.action().toLowerCase(Locale.ROOT);
            statusChanges.changeStatus(actor, p.label().toString(), new StatusChangeInput(action,
                    cut(p.vulnerability() + " (" + LabelSecurityInformation.componentName(p.component()) + "): " + note,
                            500)), "*");
        }
        repository.decide(id, outcome.equals("apply") ? "DECIDED" : "DISMISSED", actor.auditName(), note, now);
        ProposalView after = repository.find(id).orElseThrow();
        audit.record(actor, "surveillance." + outcome, "surveillance_proposal", id, p, after);
        return after;
    }

    /** The operator sees every proposal; the label's vendor sees it once a hearing opened; others get 404. */
    private ProposalView visible(Actor actor, UUID id) {
        ProposalView p = repository.find(id).orElseThrow(() -> ApiException.notFound("proposal " + id));
        boolean vendor = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(p.vendorId());
        if (actor.isOperator() || (vendor && !"OPEN".equals(p.state()))) {
            return p;
        }
        throw ApiException.notFound("proposal " + id);
    }

    private static void requireOperatorAdmin(Actor actor) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the operator's admins act on surveillance proposals");
        }
    }

    private static String state(String state) {
        String upper = state.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("OPEN", "HEARING", "DECIDED", "DISMISSED", "WITHDRAWN").contains(upper)) {
            throw ApiException.invalid("state", "one of open, hearing, decided, dismissed, withdrawn; not " + state);
        }
        return upper;
    }

    private static ApiException conflict(String field, String message) {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError(field, message)));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
