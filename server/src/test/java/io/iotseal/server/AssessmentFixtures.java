package io.iotseal.server;

import io.iotseal.assessment.Action;
import io.iotseal.coverage.Verdict;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.AnswerInput;
import io.iotseal.server.assessment.AnswersInput;
import io.iotseal.server.assessment.AssessmentInput;
import io.iotseal.server.assessment.AssessmentService;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.assessment.EvidenceService;
import io.iotseal.server.assessment.TransitionInput;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Assessments in a given state, made through the real services, for tests that need one ready. */
public final class AssessmentFixtures {

    private final World world;
    private final AssessmentService assessments;
    private final EvidenceService evidence;
    private final ProductService products;
    private final Actor operator;
    private final Actor vendor;
    private final Actor lab;

    public AssessmentFixtures(ApplicationContext context, World world) {
        this.world = world;
        this.assessments = context.getBean(AssessmentService.class);
        this.evidence = context.getBean(EvidenceService.class);
        this.products = context.getBean(ProductService.class);
        this.operator = new Actor(UUID.randomUUID(), "fixtures", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        this.vendor = new Actor(world.user(Who.VENDOR_ADMIN), "world-vendor-admin",
                List.of(new Membership(world.vendorA, Role.VENDOR_ADMIN)));
        this.lab = new Actor(world.user(Who.LAB_EVALUATOR), "world-lab-evaluator",
                List.of(new Membership(world.lab, Role.LAB_EVALUATOR)));
    }

    /** A draft of vendor A's product A, version 1.0.0. */
    AssessmentView draft(String target) {
        return assessments.create(vendor, new AssessmentInput(world.productA, world.productAVersion, target, null, null));
    }

    /** A ★1 draft with every requirement answered "pass": ready to submit. */
    AssessmentView completeStarOne() {
        AssessmentView a = draft("jc-star:star-1");
        List<AnswerInput> answers = a.requirements().stream()
                .map(r -> new AnswerInput(r.requirement(), Verdict.PASS, "checked")).toList();
        return assessments.answer(vendor, a.id(), new AnswersInput(answers), ETags.of(a.version()));
    }

    /** An accepted ★1 self-declaration. */
    public AssessmentView acceptedStarOne() {
        return accept(completeStarOne());
    }

    /**
     * An accepted self-declared assessment of a vendor A product against {@code target}, every requirement
     * answered "pass": the level's label is issued on the server's today. The BSI label's level
     * ({@code de-bsi-label:label}, a plausibility check whose requirements the data does not list) has
     * renewal and lapse rules in the data; ★1 has none.
     */
    AssessmentView accepted(String target, UUID productId, String version) {
        AssessmentView a = assessments.create(vendor, new AssessmentInput(productId, version, target, null, null));
        List<AnswerInput> answers = a.requirements().stream()
                .map(r -> new AnswerInput(r.requirement(), Verdict.PASS, "checked")).toList();
        if (!answers.isEmpty()) {
            a = assessments.answer(vendor, a.id(), new AnswersInput(answers), ETags.of(a.version()));
        }
        return accept(a);
    }

    /** A vendor A product with version 1.0.0 whose support period ends on {@code supportEnd}. */
    UUID product(String name, LocalDate supportEnd) {
        UUID id = products.create(operator, World.product(world.vendorA, name, false, supportEnd)).id();
        products.addVersion(operator, id, new VersionInput("1.0.0", null, null));
        return id;
    }

    /** Moves the product's support period end, as the vendor would before asking for a renewal. */
    void extendSupport(UUID productId, String name, LocalDate supportEnd) {
        products.update(operator, productId, World.product(world.vendorA, name, false, supportEnd),
                ETags.of(products.get(operator, productId).version()));
    }

    /**
     * An accepted BSI label assessment whose label, issued today, is inside its renewal window: the
     * product's support period (60 days) caps the label, and is then extended so a renewal would outlast it.
     */
    AssessmentView renewableBsi(String name) {
        UUID product = product(name, LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60));
        AssessmentView a = accepted("de-bsi-label:label", product, "1.0.0");
        extendSupport(product, name, LocalDate.of(2030, 12, 31));
        return a;
    }

    private AssessmentView accept(AssessmentView a) {
        a = assessments.transition(vendor, a.id(), new TransitionInput(Action.SUBMIT, null, null), ETags.of(a.version()));
        return assessments.transition(operator, a.id(), new TransitionInput(Action.ACCEPT, null, null), ETags.of(a.version()));
    }

    /** A draft of {@code target} with one evidence file attached: a PSTI statement of compliance. */
    AssessmentView withDocument(String target) {
        AssessmentView a = draft(target);
        byte[] text = "UK PSTI statement of compliance for World Router A".getBytes(StandardCharsets.UTF_8);
        evidence.upload(vendor, a.id(), ETags.of(a.version()), "text/plain", text.length, "psti-soc.txt", null, null,
                new ByteArrayInputStream(text));
        return assessments.get(vendor, a.id());
    }

    /**
     * A third-party level whose criteria are in the data (JC-STAR ★3's are not, so it is refused), with
     * a validity to label it, for which the world's lab is accredited; and one of its requirements.
     */
    static final String THIRD_PARTY_TARGET = "sg-cls:level-3";
    static final String THIRD_PARTY_REQUIREMENT = "etsi-en-303-645#5.1-1";

    /** A third-party assessment with one evidence file, assigned to the world's lab and, if asked, in evaluation. */
    AssessmentView withLab(boolean inEvaluation) {
        AssessmentView a = draft(THIRD_PARTY_TARGET);
        byte[] text = "Architecture overview".getBytes(StandardCharsets.UTF_8);
        evidence.upload(vendor, a.id(), ETags.of(a.version()), "text/plain", text.length, "overview.txt", null, null,
                new ByteArrayInputStream(text));
        a = assessments.get(vendor, a.id());
        a = assessments.transition(operator, a.id(), new TransitionInput(Action.ASSIGN_LAB, null, world.lab),
                ETags.of(a.version()));
        if (inEvaluation) {
            a = assessments.transition(lab, a.id(), new TransitionInput(Action.START_EVALUATION, null, null),
                    ETags.of(a.version()));
        }
        return a;
    }
}
