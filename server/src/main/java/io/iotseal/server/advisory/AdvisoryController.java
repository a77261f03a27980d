package io.iotseal.server.advisory;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Advisories", description = "Vulnerability advisories imported from OSV, NVD, JVN and the CISA KEV catalog,"
        + " and the findings they give on SBOM components")
public class AdvisoryController {

    private final AdvisoryService service;
    private final FeedUploads uploads;

    public AdvisoryController(AdvisoryService service, FeedUploads uploads) {
        this.service = service;
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/v1/advisory-feeds/{kind}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Import a feed file (kind osv, nvd, jvn or kev; the raw file as body: OSV JSON or an"
            + " ecosystem's all.zip, NVD CVE API 2.0 JSON, JVN iPedia XML, the KEV catalog JSON); all or nothing")
    public FeedImport upload(Actor actor, @PathVariable String kind, @RequestParam(required = false) String name,
                             HttpServletRequest request) throws IOException {
        return uploads.upload(actor, kind, name, request.getContentLengthLong(), request.getInputStream());
    }

    @GetMapping("/api/v1/advisory-feeds")
    @Operation(summary = "Feed imports, newest first, with what each changed and whether its re-match has run")
    public List<FeedImport> imports(Actor actor, @RequestParam(defaultValue = "50") int limit,
                                    @RequestParam(defaultValue = "0") long offset) {
        return service.imports(actor, limit, offset);
    }

    @GetMapping("/api/v1/advisories/{id}")
    @Operation(summary = "One advisory with its affected packages and CPEs, severity and KEV entry")
    public AdvisoryView advisory(Actor actor, @PathVariable String id) {
        return service.advisory(actor, id);
    }

    @GetMapping("/api/v1/products/{id}/versions/{versionId}/findings")
    @Operation(summary = "The open vulnerability findings on a product version's SBOM components"
            + " (purl matches first; CPE-only matches are marked lower confidence)")
    public List<Finding> findings(Actor actor, @PathVariable UUID id, @PathVariable UUID versionId) {
        return service.findings(actor, id, versionId);
    }
}
