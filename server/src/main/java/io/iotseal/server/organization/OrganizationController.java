package io.iotseal.server.organization;

import io.iotseal.server.access.OrganizationKind;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.Idempotency;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/organizations")
public class OrganizationController {

    private final OrganizationService service;
    private final Idempotency idempotency;

    public OrganizationController(OrganizationService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Organizations the caller may see")
    @GetMapping
    public PageResult<Organization> list(Actor actor, @RequestParam(required = false) OrganizationKind kind,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        return service.list(actor, kind, new PageRequest(page, size));
    }

    @Operation(summary = "One organization")
    @GetMapping("/{id}")
    public ResponseEntity<Organization> get(Actor actor, @PathVariable UUID id) {
        return ETags.ok(service.get(actor, id));
    }

    @Operation(summary = "Create an organization: a vendor, a test lab or the operator")
    @PostMapping
    public ResponseEntity<?> create(Actor actor, @Valid @RequestBody OrganizationInput input,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/organizations", input, Set.of(),
                () -> ETags.created("/api/v1/organizations", service.create(actor, input)));
    }

    @Operation(summary = "Update an organization; needs If-Match")
    @PutMapping("/{id}")
    public ResponseEntity<Organization> update(Actor actor, @PathVariable UUID id, @Valid @RequestBody OrganizationInput input,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.update(actor, id, input, ifMatch));
    }
}
