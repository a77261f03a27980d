package io.iotseal.server.assessment;

import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Party;
import io.iotseal.assessment.StateMachine;
import io.iotseal.server.access.Role;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see and change an assessment (ADR 0040). The operator sees all; a vendor's people their
 * vendor's; a lab's evaluators only those their lab is assigned. Anything else is "not found",
 * exactly like a missing assessment, so a lab cannot probe for assessments it was not given.
 */
@Component
class AssessmentAccess {

    private final AssessmentRepository repository;

    AssessmentAccess(AssessmentRepository repository) {
        this.repository = repository;
    }

    AssessmentRow visible(Actor actor, UUID id) {
        return repository.find(id).filter(a -> canSee(actor, a))
                .orElseThrow(() -> ApiException.notFound("assessment " + id));
    }

    static boolean canSee(Actor actor, AssessmentRow a) {
        return actor.isOperator() || isVendor(actor, a) || isLab(actor, a);
    }

    static boolean isVendor(Actor actor, AssessmentRow a) {
        return actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(a.vendorId());
    }

    static boolean isLab(Actor actor, AssessmentRow a) {
        return a.labId() != null && actor.organizationsWith(Role.LAB_EVALUATOR).contains(a.labId());
    }

    /** Whether the actor plays {@code party} in this assessment. */
    static boolean plays(Actor actor, AssessmentRow a, Party party) {
        return switch (party) {
            case VENDOR -> isVendor(actor, a);
            case OPERATOR -> actor.isOperator();
            case LAB -> isLab(actor, a);
        };
    }

    /**
     * The party that may change answers and evidence now: the vendor before submission (or when asked
     * for changes), the assigned lab while it evaluates. 403 for others, 409 in a state where nobody may.
     */
    static Party editor(Actor actor, AssessmentRow a) {
        boolean vendor = isVendor(actor, a);
        boolean lab = isLab(actor, a);
        if (!vendor && !lab) {
            throw ApiException.forbidden("only the vendor's people or the assigned lab change an assessment's answers");
        }
        if (vendor && StateMachine.vendorMayEdit(a.state())) {
            return Party.VENDOR;
        }
        if (lab && StateMachine.labMayEdit(a.state())) {
            return Party.LAB;
        }
        throw ApiException.conflict("the assessment is " + a.state().code() + "; " + (vendor
                ? "the vendor changes it only as a draft or when changes are requested"
                : "the lab changes it only while in evaluation"));
    }

    static boolean closed(AssessmentState state) {
        return state.isFinal();
    }
}
