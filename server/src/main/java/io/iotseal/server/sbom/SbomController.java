package io.iotseal.server.sbom;

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
import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/products/{id}/versions/{versionId}/sboms")
@Tag(name = "SBOMs", description = "Software bills of materials per product version: CycloneDX 1.4-1.6 and SPDX 2.3")
public class SbomController {

    private final SbomService service;

    public SbomController(SbomService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Upload an SBOM (the raw document, Content-Type application/vnd.cyclonedx+json,"
            + " application/vnd.cyclonedx+xml or application/spdx+json; a generic JSON/XML type is detected)")
    public ResponseEntity<SbomSummary> upload(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId,
                                              HttpServletRequest request) throws IOException {
        SbomService.Upload upload = service.upload(actor, id, versionId, request.getContentType(),
                request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/products/" + id + "/versions/" + versionId + "/sboms/"
                        + upload.sbom().sha256()))
                .body(upload.sbom());
    }

    @GetMapping
    @Operation(summary = "The SBOMs of a product version, newest first")
    public List<SbomSummary> list(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId) {
        return service.list(actor, id, versionId);
    }

    @GetMapping("/{sha256}")
    @Operation(summary = "One SBOM with its components (name, version, package URL, CPE, supplier) and parse warnings")
    public SbomView get(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId, @PathVariable String sha256) {
        return service.get(actor, id, versionId, sha256);
    }

    @GetMapping("/{sha256}/document")
    @Operation(summary = "Download the SBOM document as uploaded")
    public ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId,
                                           @PathVariable String sha256) {
        SbomService.Download d = service.download(actor, id, versionId, sha256);
        String extension = d.sbom().format().mediaType().endsWith("xml") ? ".xml" : ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.sbom().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sbom-" + d.sbom().sha256().substring(0, 12) + extension).build().toString())
                .eTag("\"" + d.sbom().sha256() + "\"")
                .body(d.content());
    }
}
