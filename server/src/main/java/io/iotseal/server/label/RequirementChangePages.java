package io.iotseal.server.label;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator console's requirement changes (issue 14 item 5, ADR 0086): a scheme level's requirements
 * changed on a day, so its labels issued before lapse unless updated (ADR 0053). Recorded through
 * {@link RequirementChangeService}, as {@code POST /api/v1/schemes/{scheme}/levels/{level}/requirement-changes};
 * the labels given a lapse date are listed on the answer.
 */
@Controller
class RequirementChangePages {

    private final RequirementChangeService changes;

    RequirementChangePages(RequirementChangeService changes) {
        this.changes = changes;
    }

    @GetMapping("/operator/requirement-changes")
    String form(Page page, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return changePage(page, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/operator/requirement-changes")
    String record(Page page, Actor actor, Model model, HttpServletResponse response,
                  @RequestParam(required = false) String level, @RequestParam(required = false) String changedOn,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String reference) {
        response.setHeader("Cache-Control", "no-store");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("level", level);
        typed.put("changedOn", changedOn);
        typed.put("note", note);
        typed.put("reference", reference);
        Map<String, String> errors = new LinkedHashMap<>();
        String[] parts = level == null ? new String[0] : level.strip().split(":", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            errors.put("level", page.t("operator.changes.error.level"));
        }
        LocalDate day = null;
        try {
            day = changedOn == null ? null : LocalDate.parse(changedOn.strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (day == null || day.getYear() < 1970) {
            errors.put("changedOn", page.t("operator.changes.error.changedOn"));
        }
        if (note == null || note.isBlank() || note.length() > 500) {
            errors.put("note", page.t("operator.changes.error.note"));
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (ref != null && (ref.length() > 500 || !ref.matches("https?://\\S+"))) {
            errors.put("reference", page.t("operator.changes.error.reference"));
        }
        if (errors.isEmpty()) {
            try {
                RequirementChangeView recorded = changes.record(actor, parts[0].strip(), parts[1].strip(),
                        new RequirementChangeInput(day, note.strip(), ref));
                return changePage(page, model, Map.of(), Map.of(), recorded);
            } catch (ApiException e) {
                if (e.status() == HttpStatus.FORBIDDEN) {
                    throw e;
                }
                if (e.status() == HttpStatus.NOT_FOUND) {
                    errors.put("level", page.t("operator.changes.error.unknown"));
                }
                for (FieldError f : e.errors()) {
                    String field = typed.containsKey(f.field()) ? f.field() : "level";
                    errors.merge(field, page.t("operator.review.error.refused", f.message()), (x, y) -> x + " " + y);
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return changePage(page, model, typed, errors, null);
    }

    private static String changePage(Page page, Model model, Map<String, String> typed, Map<String, String> errors,
                                     RequirementChangeView recorded) {
        model.addAttribute("page", page);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("recorded", recorded);
        return "label/requirement-changes";
    }
}
