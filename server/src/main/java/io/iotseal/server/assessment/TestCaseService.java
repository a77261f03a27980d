package io.iotseal.server.assessment;

import io.iotseal.assessment.Party;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lab's test cases (ETSI TS 103 701 style): per requirement, a conceptual or functional assessment
 * with a verdict. Only the assigned lab records them, and only while it evaluates; a lab that is not
 * assigned gets "not found", as for an assessment that does not exist.
 */
@Service
public class TestCaseService {

    private final AssessmentRepository repository;
    private final AssessmentAccess access;
    private final AssessmentService assessments;
    private final AuditLog audit;
    private final Clock clock;

    TestCaseService(AssessmentRepository repository, AssessmentAccess access, AssessmentService assessments,
                    AuditLog audit, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TestCaseView record(Actor actor, UUID id, TestCaseInput input, String ifMatch) {
        AssessmentRow a = access.visible(actor, id);
        if (!AssessmentAccess.isLab(actor, a)) {
            throw ApiException.forbidden("only the assigned lab records test cases");
        }
        if (AssessmentAccess.editor(actor, a) != Party.LAB) {
            throw ApiException.conflict("the assessment is " + a.state().code() + "; test cases are recorded in evaluation");
        }
        ETags.requireMatch(ifMatch, a.version());
        RequirementRef ref = AssessmentService.parseRef(input.requirement());
        if (ref == null || !assessments.scope(a, null).contains(ref)) {
            throw ApiException.invalid("requirement", "'" + input.requirement()
                    + "' is not a requirement of this assessment (" + a.target() + "); write it as catalog#id");
        }
        String testId = input.testId().strip();
        if (repository.testCases(id).stream().anyMatch(t -> t.testId().equals(testId))) {
            throw ApiException.conflict("testId " + testId + " is already recorded for this assessment");
        }
        assessments.advance(a, a.state(), a.labId());
        TestCaseView t = new TestCaseView(UUID.randomUUID(), ref.toString(), testId, input.kind(), input.verdict(),
                blankToNull(input.description()), blankToNull(input.result()), actor.auditName(),
                OffsetDateTime.now(clock));
        repository.insertTestCase(id, t, ref.catalog(), ref.requirement());
        audit.record(actor, "assessment.test-case.create", "assessment", id, null, t);
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
