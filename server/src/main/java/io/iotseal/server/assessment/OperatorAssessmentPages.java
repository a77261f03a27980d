package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentState;
import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.access.Actor;
import io.iotseal.server.lab.AccreditationService;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator console's assessment pages (issue 14 item 5, ADR 0086): the work queue by state, the longest
 * waiting first, and the review of one assessment per requirement, where the operator asks for changes (with
 * a comment per requirement), accepts, rejects or assigns a lab. Every decision goes through
 * {@link AssessmentService#transition}, as {@code POST /api/v1/assessments/{id}/transitions} does; the form
 * carries the version it was read at, so a decision on a record someone changed meanwhile is refused (412)
 * and the page says so instead of overwriting.
 */
@Controller
class OperatorAssessmentPages {

    /** The states the queue offers, in the order an assessment passes them. */
    static final List<AssessmentState> QUEUE = List.of(AssessmentState.SUBMITTED, AssessmentState.LAB_SUBMITTED,
            AssessmentState.DRAFT, AssessmentState.LAB_ASSIGNED, AssessmentState.IN_EVALUATION,
            AssessmentState.LAB_REVIEW, AssessmentState.CHANGES_REQUESTED);
    /** The decisions the review form offers the operator. */
    static final List<Action> DECISIONS = List.of(Action.ACCEPT, Action.REQUEST_CHANGES, Action.REJECT, Action.ASSIGN_LAB);
    private static final String NOTE = "note:";
    private static final int QUEUE_PAGE = 20;

    private final AssessmentService assessments;
    private final AccreditationService accreditations;
    private final Clock clock;

    OperatorAssessmentPages(AssessmentService assessments, AccreditationService accreditations, Clock clock) {
        this.assessments = assessments;
        this.accreditations = accreditations;
        this.clock = clock;
    }

    @GetMapping("/operator")
    String queue(Page page, Actor actor, Model model, HttpServletResponse response,
                 @RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int p) {
        response.setHeader("Cache-Control", "no-store");
        AssessmentState shown = state == null ? AssessmentState.SUBMITTED : QUEUE.stream()
                .filter(s -> s.code().equals(state)).findFirst()
                .orElseThrow(() -> ApiException.invalid("state", "one of the queue's states"));
        Map<AssessmentState, Long> counts = new LinkedHashMap<>();
        for (AssessmentState s : QUEUE) {
            counts.put(s, assessments.queue(actor, s, new PageRequest(0, 1)).totalItems());
        }
        PageResult<AssessmentView> result = assessments.queue(actor, shown, new PageRequest(p, QUEUE_PAGE));
        OffsetDateTime now = OffsetDateTime.now(clock);
        model.addAttribute("page", page);
        model.addAttribute("counts", counts);
        model.addAttribute("state", shown);
        model.addAttribute("items", result.items().stream().map(a -> QueueItem.of(a, now)).toList());
        model.addAttribute("pageNumber", result.page());
        model.addAttribute("totalPages", result.totalPages());
        return "assessment/queue";
    }

    @GetMapping("/operator/assessments/{id}")
    String review(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String notice = DECISIONS.stream().filter(a -> a.code().equals(done)).findFirst()
                .map(a -> page.t("operator.review.done." + a.code())).orElse(null);
        return reviewPage(page, actor, model, assessments.get(actor, id), ReviewForm.EMPTY, notice);
    }

    @PostMapping("/operator/assessments/{id}/transitions")
    String decide(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam MultiValueMap<String, String> form) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        Map<String, String> notes = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(NOTE) && !values.isEmpty()) {
                notes.put(name.substring(NOTE.length()), values.getFirst());
            }
        });
        String comment = form.getFirst("comment");
        String lab = form.getFirst("labId");
        Action action = DECISIONS.stream().filter(a -> a.code().equals(form.getFirst("action"))).findFirst().orElse(null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (action == null) {
            errors.put("action", page.t("operator.review.error.action"));
        } else if (action != Action.ASSIGN_LAB && (comment == null || comment.isBlank())
                && (action == Action.REJECT || action == Action.REQUEST_CHANGES)) {
            errors.put("comment", page.t("operator.review.error.comment." + action.code()));
        } else if (action == Action.ASSIGN_LAB && (lab == null || lab.isBlank())) {
            errors.put("labId", page.t("operator.review.error.lab"));
        }
        if (errors.isEmpty()) {
            try {
                UUID labId = action == Action.ASSIGN_LAB ? UUID.fromString(lab) : null;
                assessments.transition(actor, id, new TransitionInput(action,
                        action == Action.ASSIGN_LAB ? null : comment, labId,
                        action == Action.REQUEST_CHANGES || action == Action.REJECT ? notes : Map.of()),
                        ETags.of(version(form)));
                return "redirect:/operator/assessments/" + id + "?done=" + action.code();
            } catch (IllegalArgumentException e) {
                errors.put("labId", page.t("operator.review.error.lab"));
            } catch (ApiException e) {
                errors.putAll(errors(page, e));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return reviewPage(page, actor, model, assessments.get(actor, id), new ReviewForm(comment, notes, lab, form.getFirst("action"), errors), null);
    }

    /** The page's words for what the service refused; anything else is not the form's to show. */
    static Map<String, String> errors(Page page, ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
            errors.put("stale", page.t("operator.review.error.stale"));
            return errors;
        }
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        for (FieldError field : e.errors()) {
            String key = switch (field.field()) {
                case "labId" -> "labId";
                case "comment" -> "comment";
                case "action" -> "action";
                default -> "form";
            };
            // The service's reason is shown as it is (English): it names what is missing, which the page cannot guess.
            errors.merge(key, page.t("operator.review.error.refused", field.message()), (a, b) -> a + " " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", page.t("operator.review.error.refused", e.getMessage()));
        }
        return errors;
    }

    static long version(MultiValueMap<String, String> form) {
        try {
            return Long.parseLong(form.getFirst("version"));
        } catch (NumberFormatException e) {
            return -1; // no version read: refused as stale by the service
        }
    }

    private String reviewPage(Page page, Actor actor, Model model, AssessmentView a, ReviewForm form, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("a", a);
        model.addAttribute("form", form);
        model.addAttribute("notice", notice);
        model.addAttribute("decisions", DECISIONS.stream().filter(a.allowedActions()::contains).toList());
        model.addAttribute("labs", a.allowedActions().contains(Action.ASSIGN_LAB) ? accreditations.approvedLabs() : List.of());
        model.addAttribute("latestRequest", latestComments(a));
        return "assessment/review";
    }

    /** The comments per requirement of the last request for changes, shown next to each requirement. */
    static Map<String, String> latestComments(AssessmentView a) {
        return a.transitions().stream().filter(t -> !t.requirementComments().isEmpty())
                .reduce((first, last) -> last).map(TransitionView::requirementComments).orElse(Map.of());
    }
}
