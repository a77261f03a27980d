package io.iotseal.server.survey;

import io.iotseal.server.access.Actor;
import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.page.Page;
import io.iotseal.server.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's page of survey findings (ADR 0105), under the surveillance section: the findings by label with
 * campaign, address, check and the fingerprint that linked the device to the product; a decision per finding (noted
 * or dismissed, with a note); and, per label, the way to its status actions. Nothing is applied from here: a
 * suspension or revocation is the label page's own action, as for surveillance proposals (ADR 0096).
 */
@Controller
public class OperatorSurveyPages {

    static final String PATH = "/operator/surveillance/survey-findings";
    static final List<String> STATES = List.of("OPEN", "NOTED", "DISMISSED");

    private final LabelFindingService findings;

    OperatorSurveyPages(LabelFindingService findings) {
        this.findings = findings;
    }

    /** The findings of one label, for the page. */
    public record Group(UUID labelId, String labelCode, String labelStatus, String productName, String vendorName,
                        List<LabelFinding> findings) {
    }

    @GetMapping(PATH)
    String list(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(required = false) String state, @RequestParam(required = false) String done,
                @RequestParam(required = false) UUID label) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        String notice = "noted".equals(done) || "dismissed".equals(done) ? "survey.done." + done : null;
        return page(page, actor, model, state != null && STATES.contains(state) ? state : "OPEN", label, Map.of(), notice,
                null);
    }

    @PostMapping(PATH + "/{id}/decision")
    String decide(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String note) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        try {
            LabelFinding decided = findings.decide(actor, id, new FindingDecisionInput(decision, note));
            return "redirect:" + PATH + "?done=" + decided.state().toLowerCase(java.util.Locale.ROOT);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status() == HttpStatus.CONFLICT ? 409 : 422);
            String field = e.errors().isEmpty() ? "decision" : e.errors().get(0).field();
            String message = page.t("survey.error." + ("note".equals(field) ? "note" : e.status() == HttpStatus.CONFLICT
                    ? "decided" : "decision"));
            return page(page, actor, model, "OPEN", null, Map.of(id.toString(), message), null,
                    new Draft(id, decision, note));
        }
    }

    /** What the operator typed into a refused form, shown again next to the error. */
    public record Draft(UUID id, String decision, String note) {
    }

    /** The page; {@code label}, when given, narrows it to that label's findings (linked from a proposal). */
    private String page(Page page, Actor actor, Model model, String state, UUID label, Map<String, String> errors,
                        String notice, Draft draft) {
        Map<UUID, Group> groups = new LinkedHashMap<>();
        List<LabelFinding> shown = label == null ? findings.inState(actor, state)
                : findings.ofLabel(actor, label.toString()).stream().filter(f -> f.state().equals(state)).toList();
        for (LabelFinding f : shown) {
            groups.computeIfAbsent(f.labelId(), k -> new Group(f.labelId(), f.labelCode(), f.labelStatus(),
                    f.productName(), f.vendorName(), new java.util.ArrayList<>())).findings().add(f);
        }
        model.addAttribute("page", page);
        model.addAttribute("groups", List.copyOf(groups.values()));
        model.addAttribute("state", state);
        model.addAttribute("label", label);
        model.addAttribute("states", STATES);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("draft", draft);
        return "survey/operator-findings";
    }
}
