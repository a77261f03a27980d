package io.iotseal.server.label;

import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator console's label pages (issue 14 item 5, ADR 0086): find a label, suspend, reinstate or revoke
 * it with a reason (shown on its public page), and decide renewal and update requests. The same services as
 * {@code POST /api/v1/labels/{id}/status} and {@code .../requests/{requestId}/decision}; the form carries the
 * version it was read at, so a change on a label someone changed meanwhile is refused and the page says so.
 */
@Controller
class OperatorLabelPages {

    static final List<String> STATUS_ACTIONS = List.of("suspend", "reinstate", "revoke");
    private static final int OPEN_REQUESTS = 50;

    private final LabelLookup labels;
    private final StatusChangeService statusChanges;
    private final RenewalService renewals;
    private final StatusListService statusLists;

    OperatorLabelPages(LabelLookup labels, StatusChangeService statusChanges, RenewalService renewals,
                       StatusListService statusLists) {
        this.labels = labels;
        this.statusChanges = statusChanges;
        this.renewals = renewals;
        this.statusLists = statusLists;
    }

    @GetMapping("/operator/labels")
    String find(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(required = false) String id, @RequestParam(required = false) UUID assessment) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        if (assessment != null) {
            return "redirect:/operator/labels/" + labels.forAssessment(actor, assessment).id();
        }
        if (id != null && !id.isBlank()) {
            return "redirect:/operator/labels/" + UriUtils.encodePathSegment(id.strip(), StandardCharsets.UTF_8);
        }
        model.addAttribute("page", page);
        model.addAttribute("requests", renewals.openRequests(actor, OPEN_REQUESTS));
        return "label/operator-find";
    }

    @GetMapping("/operator/labels/{id}")
    String label(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String id,
                 @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        statusLists.applyDueLapses();
        String notice = done == null ? null : switch (done) {
            case "suspend", "reinstate", "revoke", "approve", "reject" -> page.t("operator.label.done." + done);
            default -> null;
        };
        return labelPage(page, model, labels.get(actor, id), null, null, Map.of(), notice);
    }

    @PostMapping("/operator/labels/{id}/status")
    String status(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String id,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        if (action == null || !STATUS_ACTIONS.contains(action)) {
            errors.put("action", page.t("operator.label.error.action"));
        } else if (!"reinstate".equals(action) && (reason == null || reason.isBlank())) {
            errors.put("reason", page.t("operator.label.error.reason"));
        } else if (reason != null && reason.length() > 500) {
            errors.put("reason", page.t("operator.label.error.reasonLength"));
        }
        if (errors.isEmpty()) {
            try {
                LabelView changed = statusChanges.changeStatus(actor, id, new StatusChangeInput(action, reason),
                        ETags.of(parse(version)));
                return "redirect:/operator/labels/" + changed.id() + "?done=" + action;
            } catch (ApiException e) {
                errors.putAll(errors(page, e, "action"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return labelPage(page, model, labels.get(actor, id), action, reason, errors, null);
    }

    @PostMapping("/operator/labels/{id}/requests/{requestId}/decision")
    String decide(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @PathVariable UUID requestId, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        statusLists.applyDueLapses();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"approve".equals(action) && !"reject".equals(action)) {
            errors.put("decision", page.t("operator.label.error.decision"));
        } else if ("reject".equals(action) && (comment == null || comment.isBlank())) {
            errors.put("decisionComment", page.t("operator.label.error.decisionComment"));
        } else if (comment != null && comment.length() > 500) {
            errors.put("decisionComment", page.t("operator.label.error.reasonLength"));
        }
        if (errors.isEmpty()) {
            try {
                renewals.decide(actor, id, requestId, new LabelDecisionInput(action, comment), ETags.of(parse(version)));
                return "redirect:/operator/labels/" + id + "?done=" + action;
            } catch (ApiException e) {
                errors.putAll(errors(page, e, "decision"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return labelPage(page, model, labels.get(actor, id.toString()), null, null, errors, null);
    }

    private static Map<String, String> errors(Page page, ApiException e, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
            errors.put("stale", page.t("operator.label.error.stale"));
            return errors;
        }
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError(field, e.getMessage())) : e.errors();
        for (FieldError f : fields) {
            String name = "reason".equals(f.field()) ? "reason" : "comment".equals(f.field()) ? "decisionComment" : field;
            errors.merge(name, page.t("operator.review.error.refused", f.message()), (x, y) -> x + " " + y);
        }
        return errors;
    }

    private String labelPage(Page page, Model model, LabelView label, String action, String reason,
                             Map<String, String> errors, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("label", label);
        model.addAttribute("actions", switch (label.status()) {
            case "valid" -> List.of("suspend", "revoke");
            case "suspended" -> List.of("reinstate", "revoke");
            default -> List.<String>of();
        });
        model.addAttribute("action", action);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "label/operator";
    }

    private static long parse(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }
}
