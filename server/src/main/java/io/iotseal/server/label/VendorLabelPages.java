package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.label.LifecycleView.RequestView;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vendor console's label pages (issue 14 item 3, ADR 0087): the labels of the caller's vendor organizations
 * with status and reason, validity and support period end; a label's artwork as SVG and PNG (the API's routes)
 * and as a print PDF ({@link LabelPrintPdf}); its renewal and update requests with the operator's decisions,
 * and a form that asks through {@link RenewalService#request}, as {@code POST /api/v1/labels/{id}/requests}
 * does. The form carries the label's version: a label changed since the page was read (suspended, a lapse
 * set, re-issued) answers 409 with the label as it is now, and nothing is asked.
 */
@Controller
class VendorLabelPages {

    static final List<String> KINDS = List.of("renewal", "update");
    private static final int LIMIT = 500;

    private final LabelLookup labels;
    private final RenewalService renewals;
    private final StatusListService statusLists;
    private final LabelPrintPdf printPdf;

    VendorLabelPages(LabelLookup labels, RenewalService renewals, StatusListService statusLists, LabelPrintPdf printPdf) {
        this.labels = labels;
        this.renewals = renewals;
        this.statusLists = statusLists;
        this.printPdf = printPdf;
    }

    @GetMapping("/vendor/labels")
    String list(Page page, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        statusLists.applyDueLapses();
        List<LabelView> own = new ArrayList<>();
        for (UUID vendor : VendorConsole.vendors(actor)) {
            own.addAll(labels.ofVendor(vendor, LIMIT));
        }
        model.addAttribute("page", page);
        model.addAttribute("labels", own);
        return "label/vendor-list";
    }

    @GetMapping("/vendor/labels/{id}")
    String label(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String id,
                 @RequestParam(required = false) String requested) {
        response.setHeader("Cache-Control", "no-store");
        statusLists.applyDueLapses();
        LabelView label = own(actor, id);
        return labelPage(page, actor, model, label, null, null, Map.of(), requested != null ? "vendor.label.requested" : null);
    }

    @GetMapping(path = "/vendor/labels/{id}/artwork.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable String id) {
        LabelView label = own(actor, id);
        byte[] pdf = printPdf.render(labels.artwork(actor, label.id().toString()), label);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("label-" + label.labelId() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @PostMapping("/vendor/labels/{id}/requests")
    String request(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String id,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        statusLists.applyDueLapses();   // a lapsed label is neither renewed nor updated (as the API)
        LabelView label = own(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null || !KINDS.contains(kind)) {
            errors.put("kind", page.t("vendor.label.error.kind"));
        }
        if (note != null && note.length() > 500) {
            errors.put("note", page.t("vendor.label.error.noteLength"));
        } else if ("update".equals(kind) && (note == null || note.isBlank())) {
            errors.put("note", page.t("vendor.label.error.note"));
        }
        if (errors.isEmpty() && !Long.toString(label.version()).equals(version)) {
            errors.put("stale", page.t("vendor.label.error.stale"));
        }
        if (errors.isEmpty()) {
            try {
                renewals.request(actor, label.id(), new LabelRequestInput(kind, note));
                return "redirect:/vendor/labels/" + label.id() + "?requested";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError("kind", e.getMessage())) : e.errors();
                for (FieldError f : fields) {
                    String field = "note".equals(f.field()) ? "note" : "kind";
                    errors.merge(field, page.t("vendor.label.error.refused", f.message()), (x, y) -> x + " " + y);
                }
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return labelPage(page, actor, model, label, kind, note, errors, null);
    }

    /** The label, if it is one of the caller's vendors' (403 without a vendor role; else 404, as the API). */
    private LabelView own(Actor actor, String id) {
        VendorConsole.vendors(actor);
        LabelRow row = labels.visible(actor, id);
        VendorConsole.requireOwn(actor, row.vendorId(), "label " + id);
        return labels.view(row);
    }

    private String labelPage(Page page, Actor actor, Model model, LabelView label, String kind, String note,
                             Map<String, String> errors, String notice) {
        List<RequestView> requests = renewals.requestsOf(actor, label.id());
        model.addAttribute("page", page);
        model.addAttribute("label", label);
        model.addAttribute("requests", requests);
        model.addAttribute("open", requests.stream().anyMatch(r -> "requested".equals(r.state())));
        model.addAttribute("kind", kind);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "label/vendor";
    }
}
