package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Requirement changes of a scheme level, recorded by the operator's admins; they start the lapse rule (ADR 0053). */
@RestController
class RequirementChangeController {

    private final RequirementChangeService service;
    private final Idempotency idempotency;

    RequirementChangeController(RequirementChangeService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/schemes/{scheme}/levels/{level}/requirement-changes")
    @Operation(summary = "Record that a level's requirements changed on a date; its earlier labels get their lapse date")
    public ResponseEntity<?> record(Actor actor, @PathVariable String scheme, @PathVariable String level,
                                    @Valid @RequestBody RequirementChangeInput input,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/schemes/" + scheme + "/levels/" + level
                + "/requirement-changes", input, Set.of(),
                () -> ResponseEntity.status(HttpStatus.CREATED).body(service.record(actor, scheme, level, input)));
    }
}
