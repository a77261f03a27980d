package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/products/{id}/versions/{versionId}/triage")
@Tag(name = "Triage", description = "The vendor's VEX triage of the vulnerabilities found in a product version")
public class TriageController {

    private final TriageService service;

    public TriageController(TriageService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a triage statement (not_affected with a justification, affected with an action"
            + " statement, fixed with the fixing version, or under_investigation); it replaces the current one")
    public TriageStatement record(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId,
                                  @Valid @RequestBody TriageInput input) {
        return service.record(actor, id, versionId, input);
    }

    @GetMapping
    @Operation(summary = "The current triage statements of a product version")
    public List<TriageStatement> current(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId) {
        return service.current(actor, id, versionId);
    }
}
