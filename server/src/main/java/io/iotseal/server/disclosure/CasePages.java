package io.iotseal.server.disclosure;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The consoles' case pages (ADR 0099): the vendor's own cases under {@code /vendor/cases}, every vendor's on the
 * operator's queue under {@code /operator/cases}, with the same detail page: the report, the thread and a reply, the
 * state actions and the vendor's assessment, over the same {@link CaseService} as {@code /api/v1/cases}. A form
 * with errors comes back with them next to their fields (422; 409 for a refused state change or a stale version).
 */
@Controller
class CasePages {

    private static final List<String> DONE = List.of("state", "facts", "message", "revoked", "moment");

    private final CaseService cases;
    private final ReportRouting routing;
    private final CaseAdvisories advisories;
    private final CaseClocks clocks;

    CasePages(CaseService cases, ReportRouting routing, CaseAdvisories advisories, CaseClocks clocks) {
        this.advisories = advisories;
        this.cases = cases;
        this.routing = routing;
        this.clocks = clocks;
    }

    /** Which console a request is in: its path prefix and whether the caller may use it. */
    private record Console(String base, boolean operator) {
        static Console of(HttpServletRequest request, Actor actor) {
            boolean operator = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/operator/");
            if (operator) {
                OperatorConsole.require(actor);
            } else {
                VendorConsole.vendors(actor);
            }
            return new Console(operator ? "/operator/cases" : "/vendor/cases", operator);
        }
    }

    @GetMapping({"/vendor/cases", "/operator/cases"})
    String list(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                @RequestParam(required = false) String state,
                @RequestParam(defaultValue = "false") boolean needsAttention) {
        response.setHeader("Cache-Control", "no-store");
        Console console = Console.of(request, actor);
        String chosen = state == null || !CaseText.STATES.contains(state) ? null : state;
        model.addAttribute("page", page);
        model.addAttribute("operator", console.operator());
        model.addAttribute("base", console.base());
        model.addAttribute("cases", cases.list(actor, chosen, needsAttention));
        model.addAttribute("state", chosen);
        model.addAttribute("needsAttention", needsAttention);
        return "disclosure/console-list";
    }

    @GetMapping({"/vendor/cases/{id}", "/operator/cases/{id}"})
    String one(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
               @PathVariable UUID id, @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        Console console = Console.of(request, actor);
        String notice = done == null || !DONE.contains(done) ? null
                : page.t(done.equals("moment") ? "case.deadline.recorded" : "case.done." + done);
        model.addAttribute("routing", routing.of(actor, id).orElse(null));
        return casePage(page, actor, model, console, cases.get(actor, id), Map.of(), Map.of(), notice);
    }

    @PostMapping({"/vendor/cases/{id}/transitions", "/operator/cases/{id}/transitions"})
    String transition(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                      @PathVariable UUID id, @RequestParam(required = false) String state,
                      @RequestParam(required = false) String fixedVersion, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String advisoryTitle,
                      @RequestParam(required = false) String advisoryDescription,
                      @RequestParam(required = false) String affectedVersions,
                      @RequestParam(defaultValue = "-1") long version) {
        Map<String, String> typed = typed("state", state, "fixedVersion", fixedVersion, "reason", reason,
                "advisoryTitle", advisoryTitle, "advisoryDescription", advisoryDescription,
                "affectedVersions", affectedVersions);
        // The advisory's fields are on the form whenever disclosure is possible; they count only for DISCLOSED.
        boolean disclosing = "DISCLOSED".equals(state);
        TransitionInput input = disclosing ? new TransitionInput(state, fixedVersion, reason, advisoryTitle,
                advisoryDescription, affectedVersions == null ? null : List.of(affectedVersions.split(",")))
                : new TransitionInput(state, fixedVersion, reason);
        return act(page, actor, model, request, response, id, typed, "state", "state",
                () -> cases.transition(actor, id, version, input));
    }

    @PostMapping({"/vendor/cases/{id}/facts", "/operator/cases/{id}/facts"})
    String facts(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                 @PathVariable UUID id, @RequestParam(required = false) String cveId,
                 @RequestParam(required = false) String cvssVector,
                 @RequestParam(defaultValue = "false") boolean activelyExploited,
                 @RequestParam(required = false) String embargoUntil, @RequestParam(defaultValue = "-1") long version) {
        Map<String, String> typed = typed("cveId", cveId, "cvssVector", cvssVector, "embargoUntil", embargoUntil,
                "activelyExploited", String.valueOf(activelyExploited));
        return act(page, actor, model, request, response, id, typed, "facts", "cveId", () -> {
            LocalDate embargo;
            try {
                embargo = embargoUntil == null || embargoUntil.isBlank() ? null : LocalDate.parse(embargoUntil.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("embargoUntil", "a date as YYYY-MM-DD");
            }
            return cases.updateFacts(actor, id, version, new CaseFacts(cveId, cvssVector, activelyExploited, embargo));
        });
    }

    @PostMapping({"/vendor/cases/{id}/messages", "/operator/cases/{id}/messages"})
    String message(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                   @PathVariable UUID id, @RequestParam(required = false) String body) {
        return act(page, actor, model, request, response, id, typed("body", body), "message", "body",
                () -> cases.message(actor, id, new MessageInput(body)));
    }

    /** Records a moment (a CRA report sent, a severe incident known); {@code at} is UTC, now when left empty. */
    @PostMapping({"/vendor/cases/{id}/moments", "/operator/cases/{id}/moments"})
    String moment(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                  @PathVariable UUID id, @RequestParam(required = false) String moment,
                  @RequestParam(required = false) String at, @RequestParam(defaultValue = "-1") long version) {
        Map<String, String> typed = typed("moment", moment, "at", at);
        return act(page, actor, model, request, response, id, typed, "moment", "moment", () -> {
            java.time.OffsetDateTime when;
            try {
                when = at == null || at.isBlank() ? null
                        : java.time.LocalDateTime.parse(at.strip()).atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("at", "a date and time as YYYY-MM-DDTHH:MM, in UTC");
            }
            return cases.recordMoment(actor, id, version, new MomentInput(moment, when));
        });
    }

    @PostMapping({"/vendor/cases/{id}/links/revocation", "/operator/cases/{id}/links/revocation"})
    String revoke(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                  @PathVariable UUID id) {
        return act(page, actor, model, request, response, id, Map.of(), "revoked", "links",
                () -> cases.revokeLinks(actor, id));
    }

    /**
     * Runs a change and goes back to the case page with a notice; a refused change shows the case again with the
     * error next to the field the service named (or {@code defaultField}) and what was typed kept.
     */
    private String act(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                       UUID id, Map<String, String> typed, String done, String defaultField, Supplier<CaseView> change) {
        response.setHeader("Cache-Control", "no-store");
        Console console = Console.of(request, actor);
        try {
            change.get();
            return "redirect:" + console.base() + "/" + id + "?done=" + done;
        } catch (ApiException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            boolean stale = e.status() == HttpStatus.PRECONDITION_FAILED;
            response.setStatus(stale || e.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> errors = new LinkedHashMap<>();
            if (stale) {
                errors.put(defaultField, page.t("case.error.stale"));
            } else {
                List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError(defaultField, e.getMessage()))
                        : e.errors();
                for (FieldError f : fields) {
                    errors.merge(f.field(), page.t("case.error.refused", f.message()), (a, b) -> a + " " + b);
                }
            }
            model.addAttribute("routing", routing.of(actor, id).orElse(null));
            return casePage(page, actor, model, console, cases.get(actor, id), errors, typed, null);
        }
    }

    private String casePage(Page page, Actor actor, Model model, Console console, CaseView c,
                            Map<String, String> errors, Map<String, String> typed, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("operator", console.operator());
        model.addAttribute("base", console.base());
        model.addAttribute("c", c);
        model.addAttribute("deadlines", clocks.view(c.id()).map(CaseDeadlines::deadlines).orElse(List.of()));
        model.addAttribute("canAct", !console.operator() || actor.hasRole(Role.OPERATOR_ADMIN));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("notice", notice);
        model.addAttribute("advisoryUrl", advisories.published(c.id()).map(p -> p.url().toString()).orElse(null));
        return "disclosure/console-case";
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                typed.put(pairs[i], pairs[i + 1]);
            }
        }
        return typed;
    }
}
