package io.iotseal.server.organization;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Legal name changes: asked for by an organization's admins, decided by the operator's admins (ADR 0067). */
@RestController
@RequestMapping("/api/v1")
class NameChangeController {

    private final NameChangeService service;

    NameChangeController(NameChangeService service) {
        this.service = service;
    }

    @PostMapping("/organizations/{id}/name-changes")
    @Operation(summary = "Ask the scheme operator to approve new legal names; labels keep the current ones until then")
    public ResponseEntity<NameChange> request(Actor actor, @PathVariable UUID id, @Valid @RequestBody NameChangeInput input) {
        NameChange change = service.request(actor, id, input);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/name-changes/" + change.id()))
                .body(change);
    }

    @GetMapping("/organizations/{id}/name-changes")
    @Operation(summary = "An organization's name changes, newest first")
    public List<NameChange> list(Actor actor, @PathVariable UUID id) {
        return service.of(actor, id);
    }

    @GetMapping("/name-changes")
    @Operation(summary = "The operator's queue: every name change waiting for a decision, with the current name")
    public List<NameChange> pending(Actor actor) {
        return service.pending(actor);
    }

    @PostMapping("/organizations/{id}/name-changes/{changeId}/decision")
    @Operation(summary = "Approve a name change (the organization takes the names) or reject it with a comment")
    public NameChange decide(Actor actor, @PathVariable UUID id, @PathVariable UUID changeId,
                             @Valid @RequestBody NameDecisionInput input) {
        return service.decide(actor, id, changeId, input);
    }
}
