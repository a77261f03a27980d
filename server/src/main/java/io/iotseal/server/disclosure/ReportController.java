package io.iotseal.server.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/**
 * The reporter's side of the API (ADR 0099), without an account: sending a report about a label, and following
 * the case through the capability token. Every answer is {@code no-store}; an unknown, expired or revoked token is
 * the same 404.
 */
@RestController
@Tag(name = "Vulnerability reports", description = "Reporting a vulnerability of a labelled product and following the case")
class ReportController {

    private final ReportIntake intake;
    private final CaseService cases;
    private final CaseAttachments attachments;

    ReportController(ReportIntake intake, CaseService cases, CaseAttachments attachments) {
        this.intake = intake;
        this.cases = cases;
        this.attachments = attachments;
    }

    @PostMapping("/api/v1/labels/{id}/reports")
    @Operation(summary = "Report a vulnerability of the labelled product; answers the private case link once (keep it)")
    ResponseEntity<Submitted> report(@PathVariable String id, @RequestBody ReportInput input, HttpServletRequest request,
                                     HttpServletResponse response) {
        Submitted s = submit(intake, id, input, request, response);
        return ResponseEntity.created(URI.create("/api/v1/case-links/" + s.token())).cacheControl(CacheControl.noStore())
                .body(s);
    }

    @GetMapping("/api/v1/case-links/{token}")
    @Operation(summary = "The reporter's view of the case the link opens: state, report and thread")
    ResponseEntity<ReporterView> view(@PathVariable String token, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(cases.reporterView(token));
    }

    @PostMapping("/api/v1/case-links/{token}/messages")
    @Operation(summary = "The reporter's answer to the case's thread")
    ResponseEntity<ReporterView> message(@PathVariable String token, @RequestBody MessageInput input,
                                         HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        cases.reporterMessage(token, input);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(cases.reporterView(token));
    }

    @PostMapping("/api/v1/case-links/{token}/attachments")
    @Operation(summary = "The reporter attaches a file (text/plain, application/pdf, image/png or application/json;"
            + " the body is the file, fileName its name)")
    ResponseEntity<CaseView.Attachment> attach(@PathVariable String token, @RequestParam String fileName,
                                               HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        CaseView.Attachment a = attachments.attachAsReporter(token, fileName, request.getContentType(),
                request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(a);
    }

    /** Submits, telling a client that came too soon when to come back (Retry-After, RFC 9110 10.2.3). */
    static Submitted submit(ReportIntake intake, String labelId, ReportInput input, HttpServletRequest request,
                            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            return intake.submit(labelId, input, request.getRemoteAddr());
        } catch (ReportIntake.TooSoon e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            throw e;
        }
    }
}
