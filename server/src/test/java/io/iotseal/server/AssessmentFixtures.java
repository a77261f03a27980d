package io.iotseal.server;

import io.iotseal.assessment.Action;
import io.iotseal.coverage.Verdict;
import io.iotseal.server.account.Membership;
import io.iotseal.server.account.Role;
import io.iotseal.server.assessment.AnswerInput;
import io.iotseal.server.assessment.AnswersInput;
import io.iotseal.server.assessment.AssessmentInput;
import io.iotseal.server.assessment.AssessmentService;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.assessment.EvidenceService;
import io.iotseal.server.assessment.TransitionInput;
import io.iotseal.server.security.Actor;
import io.iotseal.server.web.ETags;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Assessments in a given state, made through the real services, for tests that need one ready. */
final class AssessmentFixtures {

    private final World world;
    private final AssessmentService assessments;
    private final EvidenceService evidence;
    private final Actor operator;
    private final Actor vendor;
    private final Actor lab;

    AssessmentFixtures(ApplicationContext context, World world) {
        this.world = world;
        this.assessments = context.getBean(AssessmentService.class);
        this.evidence = context.getBean(EvidenceService.class);
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
    AssessmentView acceptedStarOne() {
        AssessmentView a = completeStarOne();
        a = assessments.transition(vendor, a.id(), new TransitionInput(Action.SUBMIT, null, null), ETags.of(a.version()));
        return assessments.transition(operator, a.id(), new TransitionInput(Action.ACCEPT, null, null), ETags.of(a.version()));
    }

    /** A ★3 assessment with one evidence file, assigned to the world's lab and, if asked, in evaluation. */
    AssessmentView withLab(boolean inEvaluation) {
        AssessmentView a = draft("jc-star:star-3");
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
