package io.iotseal.server.surveillance;

import io.iotseal.server.console.OperatorConsole;
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

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator console's surveillance pages (ADR 0096): the proposals with their evidence, opening the vendor's
 * hearing, and the decision, over the same {@link ProposalService} as {@code /api/v1/surveillance/proposals}.
 */
@Controller
class OperatorSurveillancePages {

    static final List<String> STATES = List.of("OPEN", "HEARING", "DECIDED", "DISMISSED", "WITHDRAWN");

    private final ProposalService proposals;
    private final Clock clock;

    OperatorSurveillancePages(ProposalService proposals, Clock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @GetMapping("/operator/surveillance")
    String list(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(required = false) String state) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String chosen = state == null || state.isBlank() || !STATES.contains(state) ? null : state;
        model.addAttribute("page", page);
        model.addAttribute("proposals", proposals.list(actor, chosen));
        model.addAttribute("state", chosen);
        model.addAttribute("states", STATES);
        return "surveillance/operator-list";
    }

    @GetMapping("/operator/surveillance/{id}")
    String one(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
               @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String notice = done == null || !List.of("hearing", "apply", "dismiss").contains(done) ? null
                : page.t("operator.surveillance.done." + done);
        return proposalPage(page, model, proposals.get(actor, id), Map.of(), notice, null, null);
    }

    @PostMapping("/operator/surveillance/{id}/hearing")
    String hearing(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        try {
            proposals.openHearing(actor, id);
            return "redirect:/operator/surveillance/" + id + "?done=hearing";
        } catch (ApiException e) {
            response.setStatus(status(e));
            return proposalPage(page, model, proposals.get(actor, id), errors(page, e, "state"), null, null, null);
        }
    }

    @PostMapping("/operator/surveillance/{id}/decision")
    String decide(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                  @RequestParam(defaultValue = "false") boolean urgent) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"apply".equals(outcome) && !"dismiss".equals(outcome)) {
            errors.put("outcome", page.t("operator.surveillance.error.outcome"));
        }
        if (note == null || note.isBlank()) {
            errors.put("note", page.t("operator.surveillance.error.note"));
        } else if (note.length() > 400) {
            errors.put("note", page.t("operator.surveillance.error.noteLength"));
        }
        ProposalView p = proposals.get(actor, id);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return proposalPage(page, model, p, errors, null, note, outcome);
        }
        String early = "apply".equals(outcome) && !urgent ? tooEarly(page, p) : null;
        if (early != null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return proposalPage(page, model, p, Map.of("outcome", early), null, note, outcome);
        }
        try {
            proposals.decide(actor, id, new DecisionInput(outcome, note, urgent));
            return "redirect:/operator/surveillance/" + id + "?done=" + outcome;
        } catch (ApiException e) {
            response.setStatus(status(e));
            return proposalPage(page, model, proposals.get(actor, id), errors(page, e, "outcome"), null, note, outcome);
        }
    }

    /**
     * Why applying now, without urgency, comes too early, in the reader's language with the day; null when it
     * does not. The service refuses the same cases (in English, for the API).
     */
    private String tooEarly(Page page, ProposalView p) {
        if ("OPEN".equals(p.state())) {
            return page.t("operator.surveillance.error.hearingFirst");
        }
        if ("HEARING".equals(p.state()) && OffsetDateTime.now(clock).isBefore(p.hearingEnds())) {
            return page.t("operator.surveillance.error.hearingRuns", p.hearingEnds().toLocalDate().toString());
        }
        return null;
    }

    private static int status(ApiException e) {
        return e.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value();
    }

    private static Map<String, String> errors(Page page, ApiException e, String field) {
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError(field, e.getMessage())) : e.errors();
        for (FieldError f : fields) {
            String name = "note".equals(f.field()) || "state".equals(f.field()) ? f.field() : field;
            errors.merge(name, page.t("operator.review.error.refused", f.message()), (x, y) -> x + " " + y);
        }
        return errors;
    }

    private static String proposalPage(Page page, Model model, ProposalView p, Map<String, String> errors,
                                       String notice, String note, String outcome) {
        model.addAttribute("outcome", outcome);
        model.addAttribute("page", page);
        model.addAttribute("p", p);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("note", note);
        return "surveillance/operator-proposal";
    }
}
