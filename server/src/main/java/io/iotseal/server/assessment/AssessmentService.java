package io.iotseal.server.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.applicability.ProductProfile;
import io.iotseal.assessment.Action;
import io.iotseal.assessment.Answer;
import io.iotseal.assessment.AssessmentScope;
import io.iotseal.assessment.AssessmentSnapshot;
import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Completeness;
import io.iotseal.assessment.LabTestCase;
import io.iotseal.assessment.Party;
import io.iotseal.assessment.Prefill;
import io.iotseal.assessment.Provenance;
import io.iotseal.assessment.RecognitionWaiver;
import io.iotseal.assessment.Route;
import io.iotseal.assessment.ScopedRequirement;
import io.iotseal.assessment.StateMachine;
import io.iotseal.assessment.Target;
import io.iotseal.assessment.TransitionNotAllowedException;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.Verdict;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.UnknownReferenceException;
import io.iotseal.scheme.Recognition;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.Outbox;
import io.iotseal.server.lab.AccreditationService;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ScopePolicy;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Conformity assessments (issue 4): creation against a level or catalog, answers, prefill from a
 * finished assessment, and the state machine's transitions. Every change checks If-Match against the
 * assessment's version and bumps it in the same statement (so concurrent edits cannot both win), and
 * is written to the audit log in its transaction.
 */
@Service
public class AssessmentService {

    private final AssessmentRepository repository;
    private final AssessmentAccess access;
    private final ProductService productService;
    private final ProductRepository products;
    private final OrganizationRepository organizations;
    private final StandardsLibrary library;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;
    private final AccreditationService accreditations;
    private final Clock clock;
    private final Outbox outbox;

    AssessmentService(AssessmentRepository repository, AssessmentAccess access, ProductService productService,
                      ProductRepository products, OrganizationRepository organizations, StandardsLibrary library,
                      AuditLog audit, ObjectMapper mapper, ApplicationEventPublisher events,
                      AccreditationService accreditations, Clock clock, Outbox outbox) {
        this.repository = repository;
        this.access = access;
        this.productService = productService;
        this.products = products;
        this.organizations = organizations;
        this.library = library;
        this.audit = audit;
        this.mapper = mapper;
        this.events = events;
        this.accreditations = accreditations;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** The declared features and conditions as stored with the assessment. */
    record Profile(Map<String, Boolean> features, Map<String, Boolean> conditions) {
        ProductProfile toCore(String product) {
            return new ProductProfile(product, features, conditions);
        }
    }

    // --- reading ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public AssessmentView get(Actor actor, UUID id) {
        return view(access.visible(actor, id));
    }

    @Transactional(readOnly = true)
    public PageResult<AssessmentView> list(Actor actor, UUID productId, PageRequest page) {
        boolean all = actor.isOperator();
        Set<UUID> vendors = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER);
        Set<UUID> labs = actor.organizationsWith(Role.LAB_EVALUATOR);
        List<AssessmentView> views = views(repository.list(all, vendors, labs, productId, page.size(), page.offset()));
        return PageResult.of(views, page, repository.count(all, vendors, labs, productId));
    }

    /**
     * The operator's work queue (ADR 0086): assessments in {@code state}, the one waiting longest first.
     * Drafts are waiting for the operator only on the third-party route (for a lab to be assigned); of the
     * other routes they are the vendor's work in progress and not listed.
     */
    @Transactional(readOnly = true)
    public PageResult<AssessmentView> queue(Actor actor, AssessmentState state, PageRequest page) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the work queue is the scheme operator's");
        }
        Route route = state == AssessmentState.DRAFT ? Route.THIRD_PARTY : null;
        return PageResult.of(views(repository.waiting(state, route, page.size(), page.offset())), page,
                repository.countWaiting(state, route));
    }

    /** The assessment as the outputs see it (OSCAL results, declaration of conformity). */
    @Transactional(readOnly = true)
    public AssessmentSnapshot snapshot(Actor actor, UUID id) {
        AssessmentRow a = access.visible(actor, id);
        Product product = products.find(a.productId()).orElseThrow();
        return new AssessmentSnapshot(a.id().toString(), product.nameEn(), product.vendorName(), a.productVersion(),
                scope(a, product), a.state(), answers(a), a.createdAt().toInstant(), a.updatedAt().toInstant(),
                repository.testCases(id).stream().map(t -> new LabTestCase(RequirementRef.parse(t.requirement()), t.testId(),
                        t.kind() == TestCaseKind.FUNCTIONAL, t.verdict().code(), t.description(), t.result())).toList());
    }

    // --- creating ---------------------------------------------------------------------------------

    @Transactional
    public AssessmentView create(Actor actor, AssessmentInput input) {
        Product product;
        try {
            product = productService.get(actor, input.productId());
        } catch (ApiException e) {
            throw ApiException.invalid("productId", "no such product");
        }
        if (!actor.hasRole(Role.OPERATOR_ADMIN)
                && !actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId())) {
            throw ApiException.forbidden("only the vendor's own people (or the operator's admins) start an assessment");
        }
        String version = input.productVersion().strip();
        if (product.versions().stream().noneMatch(v -> v.version().equals(version))) {
            throw ApiException.invalid("productVersion", "the product has no version '" + version + "'; add it first");
        }
        Target target = Target.parse(input.target());
        requireInSchemeScope(product, target);
        Profile profile = new Profile(input.features(), input.conditions());
        OffsetDateTime now = OffsetDateTime.now(clock);
        AssessmentScope scope = resolve(target, profile.toCore(product.nameEn()), startedOn(now));
        requireCriteriaInData(scope);
        AssessmentRow row = new AssessmentRow(UUID.randomUUID(), product.id(), product.vendorId(), version,
                target.text(), scope.route(), AssessmentState.DRAFT, json(new Profile(
                profile.toCore(null).features(), profile.toCore(null).conditions())), null, now, now, 1);
        repository.insert(row);
        AssessmentView view = view(row);
        audit.record(actor, "assessment.create", "assessment", row.id(), null, summary(row));
        return view;
    }

    private AssessmentScope resolve(Target target, ProductProfile profile, LocalDate startedOn) {
        try {
            return AssessmentScope.resolve(library, target, profile, startedOn);
        } catch (UnknownReferenceException e) {
            throw ApiException.invalid("target", e.getMessage());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.startsWith("features.") || message.startsWith("conditions.")
                    ? message.substring(0, message.indexOf(':')) : "target";
            throw ApiException.invalid(field, message.substring(message.indexOf(':') + 1).strip());
        }
    }

    /**
     * A product outside the target scheme's own product scope cannot be assessed (and so labelled) against
     * it, even when another scheme covers it: a smartphone is in scope of some schemes, not of JC-STAR.
     */
    private void requireInSchemeScope(Product product, Target target) {
        if (!target.isLevel()) {
            return;
        }
        library.scheme(target.level().scheme()).ifPresent(scheme -> {
            ScopePolicy.Decision d = ScopePolicy.decideFor(product.category(), product.ipCapable(), scheme);
            if (!d.inScope()) {
                throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                        List.of(new FieldError("target", "the product is outside this scheme's scope, " + d.reason())));
            }
        });
    }

    /**
     * Issue 10: a level whose own criteria the data does not hold (JC-STAR ★2–★4) would be assessed on
     * lower levels' criteria only and then labelled as the level. Refused, naming the level and the
     * data's note, until the standards data supplies the criteria.
     */
    private static void requireCriteriaInData(AssessmentScope scope) {
        if (scope.missingCriteria().isEmpty()) {
            return;
        }
        throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                scope.missingCriteria().stream().map(m -> new FieldError("target", "the criteria of " + m.level()
                        + " are not in the registry's standards data, so no assessment can claim it: "
                        + m.part().note().en())).toList());
    }

    /** The day an assessment counts as started on, which picks a dated route variant (ADR 0062). */
    private static LocalDate startedOn(OffsetDateTime createdAt) {
        return createdAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    // --- answers ----------------------------------------------------------------------------------

    @Transactional
    public AssessmentView answer(Actor actor, UUID id, AnswersInput input, String ifMatch) {
        AssessmentRow a = access.visible(actor, id);
        if (AssessmentAccess.editor(actor, a) == Party.LAB && !StateMachine.labMayAnswer(a.state())) {
            throw ApiException.conflict("the assessment is " + a.state().code()
                    + "; a reviewing lab does not change the vendor's declaration, it asks for changes (lab-request-changes)");
        }
        ETags.requireMatch(ifMatch, a.version());
        AssessmentScope scope = scope(a, null);
        List<FieldError> errors = new ArrayList<>();
        Set<RequirementRef> seen = new HashSet<>();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < input.answers().size(); i++) {
            AnswerInput in = input.answers().get(i);
            String field = "answers[" + i + "]";
            RequirementRef ref = parseRef(in.requirement());
            if (ref == null || !scope.contains(ref)) {
                errors.add(new FieldError(field + ".requirement", "'" + in.requirement()
                        + "' is not a requirement of this assessment (" + a.target() + "); write it as catalog#id"));
                continue;
            }
            if (!seen.add(ref)) {
                errors.add(new FieldError(field + ".requirement", "answered twice in this request"));
                continue;
            }
            if (in.verdict() == Verdict.NOT_APPLICABLE && (in.justification() == null || in.justification().isBlank())) {
                errors.add(new FieldError(field + ".justification", "required when the verdict is not-applicable"));
                continue;
            }
            answers.add(new Answer(ref, in.verdict(), in.justification(), List.of(), null));
        }
        if (!errors.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.BAD_REQUEST, "Bad Request", errors);
        }
        Map<RequirementRef, Answer> before = answers(a);
        advance(a, a.state(), a.labId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Answer answer : answers) {
            repository.putAnswer(id, new StoredAnswer(answer.requirement().catalog(), answer.requirement().requirement(),
                    answer.verdict(), answer.justification(), null, actor.auditName(), now));
        }
        audit.record(actor, "assessment.answer", "assessment", id,
                answers.stream().map(x -> before.get(x.requirement())).filter(java.util.Objects::nonNull).toList(),
                answers);
        return view(repository.find(id).orElseThrow());
    }

    // --- prefill ----------------------------------------------------------------------------------

    @Transactional
    public PrefillReport prefill(Actor actor, UUID id, PrefillInput input, String ifMatch) {
        AssessmentRow a = access.visible(actor, id);
        if (AssessmentAccess.editor(actor, a) != Party.VENDOR) {
            throw ApiException.forbidden("prefill is for the vendor; a lab records its own verdicts");
        }
        ETags.requireMatch(ifMatch, a.version());
        AssessmentRow source = repository.find(input.fromAssessmentId()).filter(s -> AssessmentAccess.canSee(actor, s))
                .orElseThrow(() -> ApiException.invalid("fromAssessmentId", "no such assessment"));
        if (source.state() != AssessmentState.ACCEPTED) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("fromAssessmentId",
                    "the assessment is " + source.state().code() + "; only an accepted assessment can be reused")));
        }
        if (source.id().equals(a.id())) {
            throw ApiException.invalid("fromAssessmentId", "an assessment cannot prefill itself");
        }
        Product product = products.find(a.productId()).orElseThrow();
        Map<RequirementRef, Answer> current = answers(a);
        Prefill.Result result = Prefill.from(library, source.id().toString(),
                Prefill.resultsOf(product.nameEn(), answers(source).values()), scope(a, product), current);
        advance(a, a.state(), a.labId());
        storeWithProvenance(id, result.answers(), "prefill by " + actor.auditName());
        record PrefillAudit(UUID from, List<Answer> answers) {
        }
        audit.record(actor, "assessment.prefill", "assessment", id, null, new PrefillAudit(source.id(), result.answers()));
        return report(id, result);
    }

    /** What prefill or a recognition did: the assessment now, answers filled, person answers kept, hints. */
    private PrefillReport report(UUID id, Prefill.Result result) {
        return new PrefillReport(view(repository.find(id).orElseThrow()),
                result.answers().stream().map(x -> x.requirement().toString()).toList(),
                result.keptPersonAnswers().stream().map(RequirementRef::toString).toList(), result.hints());
    }

    /** Stores answers that carry a provenance (prefilled, or given by a recognition), as {@code by}. */
    private void storeWithProvenance(UUID id, List<Answer> answers, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Answer answer : answers) {
            repository.putAnswer(id, new StoredAnswer(answer.requirement().catalog(), answer.requirement().requirement(),
                    answer.verdict(), answer.justification(), json(answer.provenance()), by, now));
        }
    }

    // --- recognition route ------------------------------------------------------------------------

    /**
     * The recognition route (ADR 0062): the criteria a recognized conformity waives are answered by
     * reference to it, with the supporting document (already attached) as evidence; each such answer
     * carries the recognition in its provenance. A person's answer is kept.
     */
    @Transactional
    public PrefillReport recognize(Actor actor, UUID id, RecognitionInput input, String ifMatch) {
        AssessmentRow a = access.visible(actor, id);
        if (AssessmentAccess.editor(actor, a) != Party.VENDOR) {
            throw ApiException.forbidden("a recognition is claimed by the vendor");
        }
        ETags.requireMatch(ifMatch, a.version());
        String wanted = input.recognition().strip();
        Recognition recognition = library.recognitions().stream().filter(r -> r.id().equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.invalid("recognition", "no recognition '" + wanted + "' in the standards data"));
        EvidenceView document = repository.evidence(id).stream().filter(e -> e.sha256().equals(input.evidence())).findFirst()
                .orElseThrow(() -> ApiException.invalid("evidence", "no file with this SHA-256 is attached to the assessment;"
                        + " attach the " + (recognition.supportingDocument() == null ? "supporting document"
                        : recognition.supportingDocument().en()) + " first"));
        Product product = products.find(a.productId()).orElseThrow();
        Prefill.Result result;
        try {
            result = RecognitionWaiver.apply(recognition, scope(a, product), LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    document.sha256(), answers(a));
        } catch (IllegalArgumentException e) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", List.of(
                    new FieldError("recognition", e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip())));
        }
        advance(a, a.state(), a.labId());
        storeWithProvenance(id, result.answers(), "recognition claimed by " + actor.auditName());
        record RecognitionAudit(String recognition, String document, List<Answer> answers) {
        }
        audit.record(actor, "assessment.recognition", "assessment", id, null,
                new RecognitionAudit(recognition.id(), document.sha256(), result.answers()));
        return report(id, result);
    }

    // --- transitions ------------------------------------------------------------------------------

    @Transactional
    public AssessmentView transition(Actor actor, UUID id, TransitionInput input, String ifMatch) {
        AssessmentRow a = access.visible(actor, id);
        Action action = input.action();
        if (!AssessmentAccess.plays(actor, a, action.party())
                || (action == Action.ASSIGN_LAB && !actor.hasRole(Role.OPERATOR_ADMIN))) {
            throw ApiException.forbidden("action " + action.code() + " is for the " + action.party().code()
                    + (action == Action.ASSIGN_LAB ? " (its admins)" : ""));
        }
        ETags.requireMatch(ifMatch, a.version());
        AssessmentState next;
        try {
            next = StateMachine.next(a.route(), a.state(), action);
        } catch (TransitionNotAllowedException e) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("action", e.getMessage())));
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        if ((action == Action.REQUEST_CHANGES || action == Action.LAB_REQUEST_CHANGES || action == Action.REJECT)
                && comment == null) {
            throw ApiException.invalid("comment", "required to " + action.code() + " (tell the vendor or lab why)");
        }
        Map<String, String> requirementComments = requirementComments(a, action, input);
        if (action != Action.ASSIGN_LAB && input.labId() != null) {
            throw ApiException.invalid("labId", "only with assign-lab");
        }
        UUID labId = a.labId();
        if (action == Action.ASSIGN_LAB) {
            labId = assignLab(a, input.labId());
        }
        if (action == Action.SUBMIT || action == Action.LAB_SUBMIT) {
            requireComplete(a, action);
        }
        if (next == AssessmentState.ACCEPTED) {
            requireCriteriaInData(scope(a, null)); // assessments started before the refusal existed
        }
        advance(a, next, labId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int seq = repository.transitions(id).size() + 1;
        TransitionView t = new TransitionView(seq, action, a.state(), next, actor.auditName(), comment, now,
                requirementComments);
        repository.insertTransition(id, t);
        record StateAudit(AssessmentState state, UUID labId) {
        }
        audit.record(actor, "assessment." + action.code(), "assessment", id, new StateAudit(a.state(), a.labId()), t);
        outbox.assessmentStateChanged(id, action.code(), a.state().code(), next.code()); // same transaction (ADR 0081)
        if (next == AssessmentState.ACCEPTED) {
            events.publishEvent(new AssessmentAccepted(id, a.productId(), a.productVersion(), a.target(), now,
                    actor.auditName()));
        }
        return view(repository.find(id).orElseThrow());
    }

    /**
     * The reviewer's comments per requirement, stripped, blank ones left out (a form sends a field for every
     * requirement); only where the action asks for a change or refuses, and only on the assessment's requirements.
     */
    private Map<String, String> requirementComments(AssessmentRow a, Action action, TransitionInput input) {
        Map<String, String> out = new java.util.TreeMap<>();
        input.requirementComments().forEach((ref, text) -> {
            if (text != null && !text.isBlank()) {
                out.put(ref, text.strip());
            }
        });
        if (out.isEmpty()) {
            return out;
        }
        if (action != Action.REQUEST_CHANGES && action != Action.LAB_REQUEST_CHANGES && action != Action.REJECT) {
            throw ApiException.invalid("requirementComments", "only with request-changes, lab-request-changes or reject");
        }
        Set<String> inScope = new HashSet<>();
        scope(a, null).requirements().forEach(r -> inScope.add(r.requirement().toString()));
        for (String ref : out.keySet()) {
            if (!inScope.contains(ref)) {
                throw ApiException.invalid("requirementComments[" + ref + "]", "not a requirement of this assessment");
            }
        }
        return out;
    }

    private UUID assignLab(AssessmentRow a, UUID labId) {
        if (labId == null) {
            throw ApiException.invalid("labId", "required: the accredited test lab to evaluate");
        }
        organizations.find(labId).filter(o -> o.kind() == OrganizationKind.TEST_LAB)
                .orElseThrow(() -> ApiException.invalid("labId", "no such test lab"));
        Product product = products.find(a.productId()).orElseThrow();
        accreditations.requireAccredited(labId, Target.parse(a.target()).level(), product.category());
        // The lab needs to see the product it evaluates (product visibility follows lab assignments).
        products.assignLab(a.productId(), labId, OffsetDateTime.now(clock));
        return labId;
    }

    private void requireComplete(AssessmentRow a, Action action) {
        List<Completeness.Problem> problems = Completeness.check(scope(a, null), answers(a));
        List<FieldError> errors = new ArrayList<>(problems.stream()
                .map(p -> new FieldError("answers[" + p.requirement() + "]", p.message())).toList());
        if (action == Action.LAB_SUBMIT) {
            // The report of this assignment: after a lab-reviewed declaration comes back and a lab is assigned
            // again, the report of the round before (perhaps by another lab) does not review what was resubmitted.
            OffsetDateTime assigned = repository.transitions(a.id()).stream().filter(t -> t.action() == Action.ASSIGN_LAB)
                    .map(TransitionView::at).reduce((first, last) -> last).orElse(OffsetDateTime.MIN);
            if (repository.evidence(a.id()).stream().noneMatch(e -> e.kind() == EvidenceKind.LAB_REPORT
                    && !e.uploadedAt().isBefore(assigned))) {
                errors.add(new FieldError("evidence", "attach the lab's evaluation report (kind lab-report) of this"
                        + " assignment before submitting"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", errors);
        }
    }

    // --- shared -----------------------------------------------------------------------------------

    /** Moves to the next version under optimistic locking; 412 when someone else changed it first. */
    void advance(AssessmentRow a, AssessmentState state, UUID labId) {
        if (!repository.advance(a.id(), a.version(), state, labId, OffsetDateTime.now(clock))) {
            throw ETags.preconditionFailed();
        }
    }

    AssessmentScope scope(AssessmentRow a, Product product) {
        return scopeOf(a, product == null ? null : product.nameEn());
    }

    private AssessmentScope scopeOf(AssessmentRow a, String productName) {
        Profile profile = read(a.profileJson(), Profile.class);
        return AssessmentScope.resolve(library, Target.parse(a.target()), profile.toCore(productName), startedOn(a.createdAt()));
    }

    Map<RequirementRef, Answer> answers(AssessmentRow a) {
        return answers(repository.answers(a.id()), repository.evidence(a.id()));
    }

    private Map<RequirementRef, Answer> answers(List<StoredAnswer> stored, List<EvidenceView> evidenceFiles) {
        Map<RequirementRef, List<String>> evidence = new LinkedHashMap<>();
        for (EvidenceView e : evidenceFiles) {
            if (e.requirement() != null) {
                evidence.computeIfAbsent(RequirementRef.parse(e.requirement()), k -> new ArrayList<>()).add(e.sha256());
            }
        }
        Map<RequirementRef, Answer> out = new LinkedHashMap<>();
        for (StoredAnswer s : stored) {
            RequirementRef ref = new RequirementRef(s.catalog(), s.requirement());
            out.put(ref, new Answer(ref, s.verdict(), s.justification(), evidence.getOrDefault(ref, List.of()),
                    s.provenanceJson() == null ? null : read(s.provenanceJson(), Provenance.class)));
        }
        return out;
    }

    AssessmentView view(AssessmentRow a) {
        return views(List.of(a)).getFirst();
    }

    /**
     * The views of several assessments with a fixed number of queries, however many there are: each
     * child table is read once for all of them (a listing page must not cost queries per row).
     */
    private List<AssessmentView> views(List<AssessmentRow> rows) {
        List<UUID> ids = rows.stream().map(AssessmentRow::id).toList();
        Map<UUID, AssessmentRepository.ProductNames> productNames =
                repository.productNames(rows.stream().map(AssessmentRow::productId).distinct().toList());
        Map<UUID, List<StoredAnswer>> answers = repository.answersOf(ids);
        Map<UUID, List<EvidenceView>> evidence = repository.evidenceOf(ids);
        Map<UUID, List<TestCaseView>> testCases = repository.testCasesOf(ids);
        Map<UUID, List<TransitionView>> transitions = repository.transitionsOf(ids);
        return rows.stream().map(a -> view(a, productNames.get(a.productId()), answers.getOrDefault(a.id(), List.of()),
                evidence.getOrDefault(a.id(), List.of()), testCases.getOrDefault(a.id(), List.of()),
                transitions.getOrDefault(a.id(), List.of()))).toList();
    }

    private AssessmentView view(AssessmentRow a, AssessmentRepository.ProductNames product, List<StoredAnswer> storedAnswers,
                                List<EvidenceView> evidence, List<TestCaseView> testCases, List<TransitionView> transitions) {
        AssessmentScope scope = scopeOf(a, product.name());
        Map<String, StoredAnswer> stored = new LinkedHashMap<>();
        storedAnswers.forEach(s -> stored.put(s.catalog() + "#" + s.requirement(), s));
        Map<RequirementRef, Answer> answers = answers(storedAnswers, evidence);
        List<RequirementView> requirements = scope.requirements().stream().map(r -> {
            Answer answer = answers.get(r.requirement());
            StoredAnswer s = stored.get(r.requirement().toString());
            AnswerView av = answer == null ? null : new AnswerView(answer.verdict(), answer.justification(),
                    answer.evidence(), answer.provenance(), s.answeredBy(), s.answeredAt());
            return new RequirementView(r.requirement().toString(), r.title(), r.textInData(),
                    r.textInData() ? null : ScopedRequirement.TEXT_NOT_IN_DATA_EN, r.applicability(), r.reasons(), av);
        }).toList();
        List<FieldError> problems = Completeness.check(scope, answers).stream()
                .map(p -> new FieldError("answers[" + p.requirement() + "]", p.message())).toList();
        Profile profile = read(a.profileJson(), Profile.class);
        return new AssessmentView(a.id(), a.productId(), product.name(), a.vendorId(), product.vendorName(),
                a.productVersion(), a.target(),
                a.route(), a.state(), a.labId(), profile.features(), profile.conditions(),
                List.copyOf(StateMachine.allowed(a.route(), a.state())), requirements,
                scope.unknownParts().stream().map(u -> u.note() == null ? "unknown part" : u.note().en()).toList(),
                problems, evidence, testCases, transitions, a.createdAt(), a.updatedAt(), a.version());
    }

    /** The reference, or null when the text is not {@code catalog#id} (callers answer with a field error). */
    static RequirementRef parseRef(String text) {
        try {
            return RequirementRef.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> summary(AssessmentRow a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", a.productId());
        m.put("productVersion", a.productVersion());
        m.put("target", a.target());
        m.put("route", a.route());
        m.put("state", a.state());
        return m;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
