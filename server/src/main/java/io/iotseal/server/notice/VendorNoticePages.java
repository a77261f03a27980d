package io.iotseal.server.notice;

import io.iotseal.server.access.Actor;
import io.iotseal.server.label.LabelLookup;
import io.iotseal.server.label.LabelView;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vendor console's notices of a label (ADR 0100): the label's notices with their state and the operator's
 * questions, a form per kind, and the answer to a question; over {@link NoticeService}, as the API. A label of
 * another vendor is 404, as everywhere in the console (ADR 0085). The label's own page links here.
 */
@Controller
class VendorNoticePages {

    private final NoticeService notices;
    private final LabelLookup labels;
    private final ProductService products;
    private final Validator validator;

    VendorNoticePages(NoticeService notices, LabelLookup labels, ProductService products, Validator validator) {
        this.notices = notices;
        this.labels = labels;
        this.products = products;
        this.validator = validator;
    }

    @GetMapping("/vendor/labels/{id}/notices")
    String list(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String id,
                @RequestParam(required = false) String sent, @RequestParam(required = false) String answered) {
        response.setHeader("Cache-Control", "no-store");
        LabelView label = own(actor, id);
        String notice = sent != null ? "notice.vendor.sent" : answered != null ? "notice.vendor.answered" : null;
        return page(page, actor, model, label, NoticeForm.EMPTY, Map.of(), notice, null, null);
    }

    @PostMapping("/vendor/labels/{id}/notices")
    String submit(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String id,
                  @ModelAttribute NoticeForm form) {
        response.setHeader("Cache-Control", "no-store");
        LabelView label = own(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (NoticeKind.ofCode(form.kind()).isEmpty()) {
            errors.put("kind", page.t("notice.error.kind"));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(page, actor, model, label, form, errors, null, null, null);
        }
        NoticeInput input = form.input(errors, page.t("notice.error.date"));
        for (ConstraintViolation<NoticeInput> v : validator.validate(input)) {
            errors.putIfAbsent(field(v.getPropertyPath().toString()), page.t("notice.error.refused", v.getMessage()));
        }
        if (errors.isEmpty()) {
            try {
                notices.submit(actor, label.id().toString(), input);
                return "redirect:/vendor/labels/" + label.id() + "/notices?sent";
            } catch (ApiException e) {
                refused(page, e, errors, "kind");
            }
        }
        // An error about something the kind's form has no field for (the label's state) is shown at the top.
        NoticeKind kind = NoticeKind.ofCode(form.kind()).orElseThrow();
        for (String field : List.copyOf(errors.keySet())) {
            if (!kind.fields().contains(field) && !"explanation".equals(field) && !"kind".equals(field)) {
                errors.merge("kind", errors.remove(field), (x, y) -> x + " " + y);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(page, actor, model, label, form, errors, null, null, null);
    }

    @PostMapping("/vendor/notices/{noticeId}/answer")
    String answer(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID noticeId,
                  @RequestParam(required = false) String message, @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        VendorConsole.vendors(actor);
        NoticeView n = notices.get(actor, noticeId);
        LabelView label = own(actor, n.labelId().toString());
        Map<String, String> errors = new LinkedHashMap<>();
        if (message == null || message.isBlank()) {
            errors.put("message", page.t("notice.error.message"));
        } else if (message.length() > 2000) {
            errors.put("message", page.t("notice.error.messageLength"));
        }
        if (errors.isEmpty()) {
            try {
                notices.answer(actor, noticeId, new MessageInput(message), "\"" + version + "\"");
                return "redirect:/vendor/labels/" + label.id() + "/notices?answered";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
                    errors.put("message", page.t("notice.error.stale"));
                } else {
                    refused(page, e, errors, "message");
                }
            }
        }
        response.setStatus(errors.containsKey("message") && errors.get("message").equals(page.t("notice.error.stale"))
                ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(page, actor, model, label, NoticeForm.EMPTY, Map.of(), null, noticeId, errors.get("message"));
    }

    /** The label, if it is one of the caller's vendors' (403 without a vendor role; else 404, as the API). */
    private LabelView own(Actor actor, String id) {
        VendorConsole.vendors(actor);
        LabelView label = labels.get(actor, id);
        VendorConsole.requireOwn(actor, products.get(actor, label.productId()).vendorId(), "label " + id);
        return label;
    }

    private String page(Page page, Actor actor, Model model, LabelView label, NoticeForm form,
                        Map<String, String> errors, String notice, UUID answering, String answerError) {
        model.addAttribute("page", page);
        model.addAttribute("label", label);
        model.addAttribute("notices", notices.ofLabel(actor, label.id().toString()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("answering", answering);
        model.addAttribute("answerError", answerError);
        return "notice/vendor";
    }

    /** The service's refusal next to its field (the English reason after a localized lead, as ADR 0087). */
    static void refused(Page page, ApiException e, Map<String, String> errors, String fallback) {
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError(fallback, e.getMessage())) : e.errors();
        for (FieldError f : fields) {
            errors.merge(field(f.field()), page.t("notice.error.refused", f.message()), (x, y) -> x + " " + y);
        }
    }

    /** {@code securityFixes[2]} and {@code securityFixes[2].<list element>} are the securityFixes field. */
    static String field(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }
}
