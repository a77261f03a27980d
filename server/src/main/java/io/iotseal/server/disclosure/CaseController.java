package io.iotseal.server.disclosure;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Cases for their vendor's people and the operator (ADR 0099). Changes take the ETag read with GET in If-Match
 * (428 without, 412 when stale). Nothing here is cacheable: a case is confidential until disclosed.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Vulnerability reports and their handling, for the vendor and the operator")
class CaseController {

    private final CaseService cases;
    private final CaseAttachments attachments;

    CaseController(CaseService cases, CaseAttachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "The caller's cases (a vendor's own; every vendor's for the operator), newest first,"
            + " optionally in one state")
    ResponseEntity<List<CaseView.Summary>> list(Actor actor, @RequestParam(required = false) String state) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(cases.list(actor, state));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its thread, attachments and moments; its ETag is its version")
    ResponseEntity<CaseView> get(Actor actor, @PathVariable UUID id) {
        return noStore(cases.get(actor, id));
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Move the case to another state (acknowledge, triage, fix in progress, fixed with the fixed"
            + " version, disclose, close, reject with the reason); If-Match required")
    ResponseEntity<CaseView> transition(Actor actor, @PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestBody TransitionInput input) {
        return noStore(cases.transition(actor, id, version(ifMatch, actor, id), input));
    }

    @PutMapping("/{id}/facts")
    @Operation(summary = "Set the vendor's assessment: CVE id, CVSS vector, actively exploited, embargo date;"
            + " If-Match required")
    ResponseEntity<CaseView> facts(Actor actor, @PathVariable UUID id,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody CaseFacts input) {
        return noStore(cases.updateFacts(actor, id, version(ifMatch, actor, id), input));
    }

    @PostMapping("/{id}/moments")
    @Operation(summary = "Record a moment once: severe incident known, CRA early warning, notification or final"
            + " report sent; If-Match required")
    ResponseEntity<CaseView> moment(Actor actor, @PathVariable UUID id,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestBody MomentInput input) {
        return noStore(cases.recordMoment(actor, id, version(ifMatch, actor, id), input));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Add a message to the case's thread, which the reporter reads through the case link")
    ResponseEntity<CaseView> message(Actor actor, @PathVariable UUID id, @RequestBody MessageInput input) {
        CaseView c = cases.message(actor, id, input);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .eTag(ETags.of(c.version())).body(c);
    }

    @PostMapping("/{id}/links/revocation")
    @Operation(summary = "Revoke every case link of the reporter (a leaked link); the link then answers 404")
    ResponseEntity<CaseView> revokeLinks(Actor actor, @PathVariable UUID id) {
        return noStore(cases.revokeLinks(actor, id));
    }

    @PostMapping("/{id}/attachments")
    @Operation(summary = "Attach a file (text/plain, application/pdf, image/png or application/json; the body is the"
            + " file, fileName its name)")
    ResponseEntity<CaseView.Attachment> attach(Actor actor, @PathVariable UUID id, @RequestParam String fileName,
                                               HttpServletRequest request) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(attachments.attach(actor, id, fileName, request.getContentType(), request.getContentLengthLong(),
                        request.getInputStream()));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "An attached file, as a download")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID id, @PathVariable UUID attachmentId) {
        CaseAttachments.Download d = attachments.download(actor, id, attachmentId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(d.attachment().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.bytes());
    }

    /** The version If-Match names; 428 without one, 412 for any other than the current one. */
    private long version(String ifMatch, Actor actor, UUID id) {
        long current = cases.get(actor, id).version();
        ETags.requireMatch(ifMatch, current);
        return current;
    }

    private static ResponseEntity<CaseView> noStore(CaseView c) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).eTag(ETags.of(c.version())).body(c);
    }
}
