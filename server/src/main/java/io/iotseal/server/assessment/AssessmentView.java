package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Route;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assessment with everything a party needs to work on it: the requirements with applicability and
 * answers, what still blocks submission ({@code problems}), the actions the state machine allows now,
 * evidence, the lab's test cases and the history of transitions. {@code vendorName} is the vendor's approved
 * legal name, the one its label will carry (ADR 0067), so the operator deciding sees whose product it is.
 */
public record AssessmentView(UUID id, UUID productId, String productName, UUID vendorId, String vendorName,
                             String productVersion,
                             String target, Route route, AssessmentState state, UUID labId,
                             Map<String, Boolean> features, Map<String, Boolean> conditions,
                             List<Action> allowedActions, List<RequirementView> requirements,
                             List<String> unknownParts, List<FieldError> problems, List<EvidenceView> evidence,
                             List<TestCaseView> testCases, List<TransitionView> transitions,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
}
