package io.iotseal.server.reporting;

import io.iotseal.disclosure.CraReportDraft;
import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Languages;
import io.iotseal.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.UUID;

/**
 * A case's CRA report drafts (ADR 0097): {@code .../cra-drafts/{stage}} is the JSON, {@code .../{stage}.pdf} the PDF
 * (a suffix rather than Accept, so the case page's plain links reach both). The PDF is in {@code ?lang=} (en, ja),
 * else the page language (the lang cookie, then Accept-Language). Never cached: the drafts carry the confidential
 * report. Reading one is not audited, as reading the case and its attachments is not.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/cra-drafts")
@Tag(name = "Cases", description = "Vulnerability reports and their handling, for the vendor and the operator")
class CaseDraftController {

    private final CaseDrafts drafts;
    private final CraDraftPdf pdf;

    CaseDraftController(CaseDrafts drafts, CraDraftPdf pdf) {
        this.drafts = drafts;
        this.pdf = pdf;
    }

    @GetMapping(path = "/{stage}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's draft of a CRA Article 14(2) report (stage early-warning, notification or"
            + " final-report) as IoTSeal's JSON (iotseal-cra-draft/1), for the manufacturer to submit; 422 names what"
            + " the case lacks for the stage")
    ResponseEntity<String> json(Actor actor, @PathVariable UUID id, @PathVariable String stage) {
        CraReportDraft draft = drafts.draft(actor, id, stage);
        return download(drafts.fileName(id, draft, "json"), MediaType.APPLICATION_JSON).body(draft.json());
    }

    @GetMapping("/{stage}.pdf")
    @Operation(summary = "The same draft as a PDF, labelled in the language of lang (en or ja), else the page's")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable UUID id, @PathVariable String stage,
                               @Parameter(description = "en or ja") @RequestParam(required = false) String lang,
                               Locale pageLocale) {
        Locale locale = pageLocale;
        if (lang != null) {
            locale = Languages.supported(lang);
            if (locale == null) {
                throw ApiException.invalid("lang", "one of " + Languages.SUPPORTED.stream().map(Locale::getLanguage)
                        .toList() + "; not " + lang);
            }
        }
        CraReportDraft draft = drafts.draft(actor, id, stage);
        return download(drafts.fileName(id, draft, "pdf"), MediaType.APPLICATION_PDF).body(pdf.render(draft, locale));
    }

    private static ResponseEntity.BodyBuilder download(String fileName, MediaType type) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString());
    }
}
