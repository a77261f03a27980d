package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/products/{id}/fingerprints")
@Tag(name = "Surveys", description = "Device surveys: declared fingerprints, campaigns, observations, label findings")
class FingerprintController {

    private final FingerprintService service;

    FingerprintController(FingerprintService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The product's declared fingerprints (its vendor and the operator)")
    public List<Fingerprint> list(Actor actor, @PathVariable UUID id) {
        return service.list(actor, id);
    }

    @PostMapping
    @Operation(summary = "The vendor declares a fingerprint of the product's devices (kind, matchType EXACT or PREFIX, value, optional port)")
    public ResponseEntity<Fingerprint> declare(Actor actor, @PathVariable UUID id, @RequestBody(required = false) FingerprintInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.declare(actor, id, input));
    }

    @DeleteMapping("/{fpId}")
    @Operation(summary = "The vendor removes a declared fingerprint")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable UUID id, @PathVariable UUID fpId) {
        service.remove(actor, id, fpId);
        return ResponseEntity.noContent().build();
    }
}
