package io.iotseal.server.disclosure;

import io.iotseal.server.page.Page;
import io.iotseal.server.security.PageHeaders;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;

import java.io.IOException;
import java.io.InputStream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporter's pages (ADR 0099): the report form a label's page links to, the confirmation that shows the case
 * link once, and the case page the link opens, where the reporter reads the thread and answers. None is cacheable
 * or sends a Referer; the case page answers an unknown, expired or revoked link with the same 404 page.
 */
@Controller
public class ReportPages {

    /** What the form shows: the label's product, the values typed so far and the errors next to their fields. */
    public record Form(String labelId, String registrationNumber, String productName, String vendorName,
                       List<String> versions, int maxDetails, Map<String, String> values, Map<String, String> errors) {

        public String value(String field) {
            return values.get(field);
        }
    }

    private static final List<String> FIELDS = List.of("summary", "details", "affectedVersion", "reporterName",
            "reporterEmail");

    /** Room for the multipart framing and the CSRF field around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final ReportIntake intake;
    private final CaseService cases;
    private final CaseAttachments attachments;

    ReportPages(ReportIntake intake, CaseService cases, CaseAttachments attachments) {
        this.intake = intake;
        this.cases = cases;
        this.attachments = attachments;
    }

    @GetMapping("/labels/{id}/report")
    String form(Page page, Model model, HttpServletResponse response, @PathVariable String id) {
        noStoreNoReferrer(response);
        return form(page, model, intake.target(id), Map.of(), Map.of());
    }

    @PostMapping("/labels/{id}/report")
    String submit(Page page, Model model, HttpServletRequest request, HttpServletResponse response,
                  @PathVariable String id, @RequestParam Map<String, String> params) {
        noStoreNoReferrer(response);
        CaseRepository.Target target = intake.target(id);
        ReportInput input = new ReportInput(params.get("summary"), params.get("details"), params.get("affectedVersion"),
                params.get("reporterName"), params.get("reporterEmail"), "true".equals(params.get("activelyExploited")),
                "true".equals(params.get("consentToContact")), params.get("website"));
        try {
            Submitted s = ReportController.submit(intake, id, input, request, response);
            model.addAttribute("page", page);
            model.addAttribute("submitted", s);
            model.addAttribute("productName", target.productName(page.lang()));
            return "disclosure/report-submitted";
        } catch (ReportIntake.TooSoon e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(page, model, target, params, Map.of("form", page.t("case.report.error.tooSoon",
                    Math.max(1, e.retryAfter().toSeconds()))));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError f : e.errors()) {
                errors.putIfAbsent(f.field(), page.t("case.report.error." + f.field(), intake.maxDetailsChars()));
            }
            return form(page, model, target, params, errors);
        }
    }

    @GetMapping("/cases/{token}")
    String reporterCase(Page page, Model model, HttpServletResponse response, @PathVariable String token,
                        @RequestParam(required = false) String done) {
        noStoreNoReferrer(response);
        String notice = "sent".equals(done) ? page.t("case.reply.sent")
                : "attached".equals(done) ? page.t("case.attach.done") : null;
        return reporterPage(page, model, token, notice, null, null);
    }

    /**
     * The reporter attaches a file. The declared length is checked before the body is parsed (multipart parsing is
     * lazy); the type and size are {@link CaseAttachments}'s to judge, and a refusal shows next to the file field.
     */
    @PostMapping(path = "/cases/{token}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(Page page, Model model, HttpServletRequest request, HttpServletResponse response,
                  @PathVariable String token) {
        noStoreNoReferrer(response);
        cases.caseOfLink(token);
        long max = attachments.maxBytes();
        String error = null;
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        try {
            Part part = request.getContentLengthLong() > max + FORM_OVERHEAD ? null : request.getPart("file");
            if (request.getContentLengthLong() > max + FORM_OVERHEAD || part != null && part.getSize() > max) {
                status = HttpStatus.PAYLOAD_TOO_LARGE;
                error = page.t("case.attach.error.tooLarge", max / (1024 * 1024));
            } else if (part == null || part.getSize() == 0) {
                error = page.t("case.attach.error.none");
            } else {
                try (InputStream in = part.getInputStream()) {
                    attachments.attachAsReporter(token, part.getSubmittedFileName(), part.getContentType(),
                            part.getSize(), in);
                }
                return "redirect:/cases/" + token + "?done=attached";
            }
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            status = e.status() == HttpStatus.UNSUPPORTED_MEDIA_TYPE || e.status() == HttpStatus.PAYLOAD_TOO_LARGE
                    ? e.status() : HttpStatus.UNPROCESSABLE_ENTITY;
            error = page.t(status == HttpStatus.PAYLOAD_TOO_LARGE ? "case.attach.error.tooLarge"
                    : "case.attach.error.type", max / (1024 * 1024));
        } catch (IOException | ServletException | MultipartException | IllegalStateException tooLargeOrBroken) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            error = page.t("case.attach.error.tooLarge", max / (1024 * 1024));
        }
        response.setStatus(status.value());
        model.addAttribute("fileError", error);
        return reporterPage(page, model, token, null, null, null);
    }

    @PostMapping("/cases/{token}/messages")
    String reply(Page page, Model model, HttpServletResponse response, @PathVariable String token,
                 @RequestParam(required = false) String body) {
        noStoreNoReferrer(response);
        try {
            cases.reporterMessage(token, new MessageInput(body));
            return "redirect:/cases/" + token + "?done=sent";
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return reporterPage(page, model, token, null, page.t("case.reply.error", cases.maxMessageChars()), body);
        }
    }

    private String reporterPage(Page page, Model model, String token, String notice, String error, String reply) {
        model.addAttribute("page", page);
        model.addAttribute("c", cases.reporterView(token));
        model.addAttribute("token", token);
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        model.addAttribute("reply", reply);
        model.addAttribute("maxFileMiB", attachments.maxBytes() / (1024 * 1024));
        return "disclosure/reporter-case";
    }

    private String form(Page page, Model model, CaseRepository.Target target, Map<String, String> values,
                        Map<String, String> errors) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (values.get(field) != null) {
                kept.put(field, values.get(field));
            }
        }
        for (String box : List.of("activelyExploited", "consentToContact")) {
            if ("true".equals(values.get(box))) {
                kept.put(box, "true");
            }
        }
        model.addAttribute("page", page);
        model.addAttribute("form", new Form(target.labelId(), target.registrationNumber(), target.productName(page.lang()),
                target.vendorName(), target.versions(), intake.maxDetailsChars(), kept, errors));
        model.addAttribute("routing", intake.routingPreview(target));
        return "disclosure/report-form";
    }

    /** A case's pages are the reporter's alone: no cache keeps them, no Referer carries the link elsewhere. */
    private static void noStoreNoReferrer(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", PageHeaders.REFERRER_POLICY);
    }
}
