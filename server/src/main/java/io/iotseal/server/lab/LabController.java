package io.iotseal.server.lab;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Approved test labs (public) and their accreditation records (recorded by the operator's admins). */
@RestController
@RequestMapping("/api/v1/labs")
@Tag(name = "Labs", description = "Accredited test labs and the scope of their accreditation")
public class LabController {

    private final AccreditationService service;

    public LabController(AccreditationService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Approved labs: those with an accreditation valid today, with its scope (public)")
    public List<ApprovedLab> approved() {
        return service.approvedLabs();
    }

    @PostMapping("/{id}/accreditations")
    @Operation(summary = "Record a lab's accreditation certificate: standard, body, number, scope, validity")
    public ResponseEntity<Accreditation> accredit(Actor actor, @PathVariable UUID id,
                                                  @Valid @RequestBody AccreditationInput input) {
        Accreditation a = service.add(actor, id, input);
        return ResponseEntity.created(URI.create("/api/v1/labs/" + id + "/accreditations/" + a.id())).body(a);
    }
}
