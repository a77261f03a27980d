package io.iotseal.server.organization;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The operator console's organizations page (issue 14 item 5, ADR 0086): legal-name changes waiting for a
 * decision (ADR 0067), approved or rejected with a comment through {@link NameChangeService}, as
 * {@code POST /api/v1/organizations/{id}/name-changes/{changeId}/decision} does. A change decided meanwhile
 * by someone else is refused by the service (409) and the page says so.
 */
@Controller
class NameChangePages {

    private final NameChangeService nameChanges;

    NameChangePages(NameChangeService nameChanges) {
        this.nameChanges = nameChanges;
    }

    @GetMapping("/operator/organizations")
    String pending(Page page, Actor actor, Model model, HttpServletResponse response,
                   @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        String notice = "approve".equals(done) || "reject".equals(done) ? page.t("operator.names.done." + done) : null;
        return namesPage(page, actor, model, null, Map.of(), notice);
    }

    @PostMapping("/operator/organizations/{id}/name-changes/{changeId}/decision")
    String decide(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @PathVariable UUID changeId, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String comment) {
        response.setHeader("Cache-Control", "no-store");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"approve".equals(action) && !"reject".equals(action)) {
            errors.put("action", page.t("operator.names.error.action"));
        } else if ("reject".equals(action) && (comment == null || comment.isBlank())) {
            errors.put("comment", page.t("operator.names.error.comment"));
        } else if (comment != null && comment.length() > 500) {
            errors.put("comment", page.t("operator.label.error.reasonLength"));
        }
        if (errors.isEmpty()) {
            try {
                nameChanges.decide(actor, id, changeId, new NameDecisionInput(action, comment));
                return "redirect:/operator/organizations?done=" + action;
            } catch (ApiException e) {
                if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                String reason = e.errors().stream().map(FieldError::message).findFirst().orElse(e.getMessage());
                errors.put(e.status() == HttpStatus.CONFLICT ? "stale" : "comment", e.status() == HttpStatus.CONFLICT
                        ? page.t("operator.names.error.stale") : page.t("operator.review.error.refused", reason));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return namesPage(page, actor, model, changeId, errors, null);
    }

    private String namesPage(Page page, Actor actor, Model model, UUID failed, Map<String, String> errors, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("changes", nameChanges.pending(actor));
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "organization/name-changes";
    }
}
