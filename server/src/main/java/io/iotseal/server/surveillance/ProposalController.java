package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/surveillance/proposals")
@Tag(name = "Surveillance", description = "Proposals from the operator's surveillance policy: evidence, hearing, decision")
public class ProposalController {

    private final ProposalService service;

    public ProposalController(ProposalService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Surveillance proposals, newest first (the operator: all; a vendor: its labels' once heard)")
    public List<ProposalView> list(Actor actor, @RequestParam(required = false) String state) {
        return service.list(actor, state);
    }

    @GetMapping("/{proposalId}")
    @Operation(summary = "One surveillance proposal with its evidence")
    public ProposalView get(Actor actor, @PathVariable UUID proposalId) {
        return service.get(actor, proposalId);
    }

    @PostMapping("/{proposalId}/hearing")
    @Operation(summary = "Open the hearing: the vendor is told and may comment until the policy's hearing period ends")
    public ProposalView hearing(Actor actor, @PathVariable UUID proposalId) {
        return service.openHearing(actor, proposalId);
    }

    @PostMapping("/{proposalId}/comment")
    @Operation(summary = "The vendor's comment during the hearing")
    public ProposalView comment(Actor actor, @PathVariable UUID proposalId, @Valid @RequestBody CommentInput input) {
        return service.comment(actor, proposalId, input);
    }

    @PostMapping("/{proposalId}/decision")
    @Operation(summary = "Apply the proposal through the label status action, or dismiss it (a note is required)")
    public ProposalView decide(Actor actor, @PathVariable UUID proposalId, @Valid @RequestBody DecisionInput input) {
        return service.decide(actor, proposalId, input);
    }
}
