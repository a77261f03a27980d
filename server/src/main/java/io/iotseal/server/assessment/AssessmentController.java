package io.iotseal.server.assessment;

import io.iotseal.oscal.OscalAssessmentResultsExporter;
import io.iotseal.oscal.OscalJson;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.Idempotency;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/**
 * Conformity assessments over HTTP (issue 4). Every change needs the assessment's ETag in If-Match
 * and answers with the new one; creating an assessment or a test case accepts an Idempotency-Key.
 */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "Assessments", description = "Self-declaration and third-party conformity assessment, with evidence")
public class AssessmentController {

    private final AssessmentService service;
    private final EvidenceService evidence;
    private final TestCaseService testCases;
    private final DeclarationService declarations;
    private final Idempotency idempotency;

    public AssessmentController(AssessmentService service, EvidenceService evidence, TestCaseService testCases,
                                DeclarationService declarations, Idempotency idempotency) {
        this.service = service;
        this.evidence = evidence;
        this.testCases = testCases;
        this.declarations = declarations;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "Assessments the caller may see, newest first")
    public PageResult<AssessmentView> list(Actor actor, @RequestParam(required = false) UUID productId,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return service.list(actor, productId, new PageRequest(page, size));
    }

    @PostMapping
    @Operation(summary = "Start an assessment of a product version against a scheme level or a catalog")
    public ResponseEntity<?> create(Actor actor, @Valid @RequestBody AssessmentInput input,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/assessments", input, Set.of(),
                () -> ETags.created("/api/v1/assessments", service.create(actor, input)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An assessment with requirements, answers, problems, evidence, test cases and history")
    public ResponseEntity<AssessmentView> get(Actor actor, @PathVariable UUID id) {
        return ETags.ok(service.get(actor, id));
    }

    @PutMapping("/{id}/answers")
    @Operation(summary = "Record verdicts and justifications (all or none); needs If-Match")
    public ResponseEntity<AssessmentView> answer(Actor actor, @PathVariable UUID id, @Valid @RequestBody AnswersInput input,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.answer(actor, id, input, ifMatch));
    }

    @PostMapping("/{id}/prefill")
    @Operation(summary = "Prefill answers from an accepted assessment through the crosswalks; needs If-Match")
    public ResponseEntity<PrefillReport> prefill(Actor actor, @PathVariable UUID id, @Valid @RequestBody PrefillInput input,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.prefill(actor, id, input, ifMatch));
    }

    @PostMapping("/{id}/recognitions")
    @Operation(summary = "Claim a recognition route: the criteria it waives are answered by reference to it, with the"
            + " attached supporting document as evidence; needs If-Match")
    public ResponseEntity<PrefillReport> recognize(Actor actor, @PathVariable UUID id, @Valid @RequestBody RecognitionInput input,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.recognize(actor, id, input, ifMatch));
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Move the assessment on: submit, assign-lab, start-evaluation, lab-submit, lab-request-changes,"
            + " request-changes, accept, reject")
    public ResponseEntity<AssessmentView> transition(Actor actor, @PathVariable UUID id,
                                                     @Valid @RequestBody TransitionInput input,
                                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ETags.ok(service.transition(actor, id, input, ifMatch));
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Attach an evidence file (the body, with its real Content-Type); needs If-Match")
    public ResponseEntity<EvidenceView> upload(Actor actor, @PathVariable UUID id, @RequestParam String fileName,
                                               @RequestParam(required = false) String requirement,
                                               @RequestParam(required = false) String kind,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest request) throws IOException {
        EvidenceService.Upload upload = evidence.upload(actor, id, ifMatch, request.getContentType(),
                request.getContentLengthLong(), fileName, requirement, EvidenceKind.parse(kind), request.getInputStream());
        return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/assessments/" + id + "/evidence/" + upload.evidence().sha256()))
                .eTag(ETags.of(upload.assessmentVersion()))
                .body(upload.evidence());
    }

    @GetMapping("/{id}/evidence/{sha256}")
    @Operation(summary = "Download an evidence file attached to the assessment")
    public ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID id, @PathVariable String sha256) {
        EvidenceService.Download d = evidence.download(actor, id, sha256);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.evidence().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.evidence().fileName(), StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + sha256 + "\"")
                .body(d.content());
    }

    @PostMapping("/{id}/test-cases")
    @Operation(summary = "The assigned lab records a test case (ETSI TS 103 701 style); needs If-Match")
    public ResponseEntity<?> testCase(Actor actor, @PathVariable UUID id, @Valid @RequestBody TestCaseInput input,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.create(actor, key, "POST /api/v1/assessments/" + id + "/test-cases", input, Set.of(), () -> {
            TestCaseView t = testCases.record(actor, id, input, ifMatch);
            return ResponseEntity.created(URI.create("/api/v1/assessments/" + id + "/test-cases/" + t.id())).body(t);
        });
    }

    @GetMapping(path = "/{id}/oscal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The results as an OSCAL 1.1.3 assessment-results document")
    public ResponseEntity<String> oscal(Actor actor, @PathVariable UUID id) {
        String json = OscalJson.write(OscalAssessmentResultsExporter.export(service.snapshot(actor, id),
                "/api/v1/assessments/" + id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("assessment-results-" + id + ".json").build().toString())
                .body(json);
    }

    @GetMapping("/{id}/declaration")
    @Operation(summary = "The Declaration of Conformity (PDF, Japanese and English) of an accepted assessment")
    public ResponseEntity<byte[]> declaration(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("declaration-of-conformity-" + id + ".pdf").build().toString())
                .body(declarations.declaration(actor, id));
    }
}
