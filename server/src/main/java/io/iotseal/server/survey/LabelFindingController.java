package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Survey findings on labels, for the operator only (ADR 0105): never public, not shown to the vendor. */
@RestController
@Tag(name = "Surveys", description = "Device surveys: declared fingerprints, campaigns, observations, label findings")
class LabelFindingController {

    private final LabelFindingService service;

    LabelFindingController(LabelFindingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/labels/{id}/survey-findings")
    @Operation(summary = "What surveys found on a label's devices, open first (operator only; never public)")
    public List<LabelFinding> ofLabel(Actor actor, @PathVariable String id) {
        return service.ofLabel(actor, id);
    }

    @PostMapping("/api/v1/survey-findings/{id}/decision")
    @Operation(summary = "The operator notes a survey finding (NOTED) or dismisses it (DISMISSED), with a note (operator admins)")
    public LabelFinding decide(Actor actor, @PathVariable UUID id, @RequestBody(required = false) FindingDecisionInput input) {
        return service.decide(actor, id, input);
    }
}
