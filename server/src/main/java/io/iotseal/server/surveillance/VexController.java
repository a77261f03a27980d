package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/products/{id}/versions/{versionId}/vex")
@Tag(name = "Triage", description = "The vendor's VEX triage of the vulnerabilities found in a product version")
public class VexController {

    private final VexService service;

    public VexController(VexService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Import a VEX document (CycloneDX 1.4-1.6 JSON/XML, OpenVEX 0.2.0, CSAF 2.0 VEX) as triage"
            + " statements; all or nothing")
    public ResponseEntity<VexService.Imported> importDocument(Actor actor, @PathVariable UUID id,
                                                              @PathVariable UUID versionId,
                                                              HttpServletRequest request) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.importDocument(actor, id, versionId,
                request.getContentLengthLong(), request.getInputStream()));
    }

    @GetMapping
    @Operation(summary = "The version's current triage as a CycloneDX 1.6 VEX document")
    public ResponseEntity<byte[]> export(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.cyclonedx+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("vex-" + versionId + ".cdx.json").build().toString())
                .body(service.export(actor, id, versionId));
    }
}
