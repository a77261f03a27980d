package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
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
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The lab console (issue 14 item 4, ADR 0086): the assessments assigned to the evaluator's lab, and for one
 * of them a test-case grid per requirement (ETSI TS 103 701: conceptual and functional test cases with
 * verdicts), the lab report upload and the lab's transitions. The same services as the REST API
 * ({@link TestCaseService}, {@link EvidenceService}, {@link AssessmentService#transition}); an assessment
 * not assigned to the evaluator's lab is "not found", as in the API, so a lab cannot probe for others.
 */
@Controller
class LabAssessmentPages {

    /** The lab's steps the page offers, in the order they come. */
    static final String VERDICT = "verdict:";
    static final String JUSTIFICATION = "justification:";
    static final List<Action> LAB_ACTIONS = List.of(Action.START_EVALUATION, Action.LAB_SUBMIT, Action.LAB_REQUEST_CHANGES);

    private final AssessmentService assessments;
    private final TestCaseService testCases;
    private final EvidenceService evidence;
    private final EvidenceStore store;

    LabAssessmentPages(AssessmentService assessments, TestCaseService testCases, EvidenceService evidence,
                       EvidenceStore store) {
        this.assessments = assessments;
        this.testCases = testCases;
        this.evidence = evidence;
        this.store = store;
    }

    @GetMapping("/lab")
    String list(Page page, Actor actor, Model model, HttpServletResponse response,
                @RequestParam(defaultValue = "0") int p) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> labs = requireLab(actor);
        PageResult<AssessmentView> result = assessments.list(actor, null, new PageRequest(p, 50));
        model.addAttribute("page", page);
        // A person who is also a vendor's member sees here only what is assigned to their lab.
        model.addAttribute("items", result.items().stream().filter(a -> a.labId() != null && labs.contains(a.labId())).toList());
        model.addAttribute("pageNumber", result.page());
        model.addAttribute("totalPages", result.totalPages());
        return "assessment/lab-list";
    }

    @GetMapping("/lab/assessments/{id}")
    String work(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        String notice = done == null ? null : switch (done) {
            case "test-case", "report", "verdicts" -> page.t("lab.work.done." + done);
            default -> LAB_ACTIONS.stream().filter(a -> a.code().equals(done)).findFirst()
                    .map(a -> page.t("lab.work.done." + a.code())).orElse(null);
        };
        return workPage(page, model, assigned(actor, id), TestCaseForm.EMPTY, Map.of(), notice);
    }

    @PostMapping("/lab/assessments/{id}/test-cases")
    String testCase(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                    @RequestParam MultiValueMap<String, String> form) {
        response.setHeader("Cache-Control", "no-store");
        AssessmentView a = assigned(actor, id);
        TestCaseForm typed = new TestCaseForm(form.getFirst("requirement"), form.getFirst("testId"), form.getFirst("kind"),
                form.getFirst("verdict"), form.getFirst("description"), form.getFirst("result"), Map.of());
        Map<String, String> errors = new LinkedHashMap<>();
        String testId = typed.testId() == null ? "" : typed.testId().strip();
        if (testId.isEmpty() || testId.length() > 100 || !testId.matches("[A-Za-z0-9._:-]+")) {
            errors.put("testId", page.t("lab.grid.error.testId"));
        }
        TestCaseKind kind = parse(TestCaseKind.values(), typed.kind());
        if (kind == null) {
            errors.put("kind", page.t("lab.grid.error.kind"));
        }
        TestCaseVerdict verdict = parse(TestCaseVerdict.values(), typed.verdict());
        if (verdict == null) {
            errors.put("verdict", page.t("lab.grid.error.verdict"));
        }
        if (length(typed.description()) > 4000 || length(typed.result()) > 4000) {
            errors.put("result", page.t("lab.grid.error.length"));
        }
        if (errors.isEmpty()) {
            try {
                testCases.record(actor, id, new TestCaseInput(typed.requirement(), testId, kind, verdict,
                        typed.description(), typed.result()), ETags.of(OperatorAssessmentPages.version(form)));
                return "redirect:/lab/assessments/" + id + "?done=test-case#grid";
            } catch (ApiException e) {
                errors.putAll(labErrors(page, e, "testId"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return workPage(page, model, assessments.get(actor, id), new TestCaseForm(typed.requirement(), typed.testId(),
                typed.kind(), typed.verdict(), typed.description(), typed.result(), errors), errors, null);
    }

    /**
     * The lab's verdict per requirement (its answers, as {@code PUT /api/v1/assessments/{id}/answers}): the
     * requirements given a verdict in the form are stored together, or none of them.
     */
    @PostMapping("/lab/assessments/{id}/verdicts")
    String verdicts(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                    @RequestParam MultiValueMap<String, String> form) {
        response.setHeader("Cache-Control", "no-store");
        AssessmentView a = assigned(actor, id);
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if ((name.startsWith(VERDICT) || name.startsWith(JUSTIFICATION)) && !values.isEmpty()) {
                typed.put(name, values.getFirst());
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> refs = new java.util.ArrayList<>();
        List<AnswerInput> answers = new java.util.ArrayList<>();
        for (RequirementView r : a.requirements()) {
            String code = typed.get(VERDICT + r.requirement());
            if (code == null || code.isBlank()) {
                continue;
            }
            io.iotseal.coverage.Verdict verdict = parse(io.iotseal.coverage.Verdict.values(), code);
            String justification = typed.get(JUSTIFICATION + r.requirement());
            if (verdict == null) {
                errors.put(VERDICT + r.requirement(), page.t("lab.grid.error.verdict"));
            } else if (length(justification) > 4000) {
                errors.put(JUSTIFICATION + r.requirement(), page.t("lab.grid.error.length"));
            } else {
                refs.add(r.requirement());
                answers.add(new AnswerInput(r.requirement(), verdict, justification == null || justification.isBlank()
                        ? null : justification.strip()));
            }
        }
        if (errors.isEmpty() && answers.isEmpty()) {
            errors.put("verdicts", page.t("lab.verdicts.error.none"));
        }
        if (errors.isEmpty()) {
            try {
                assessments.answer(actor, id, new AnswersInput(answers), ETags.of(OperatorAssessmentPages.version(form)));
                return "redirect:/lab/assessments/" + id + "?done=verdicts#grid";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
                    errors.put("stale", page.t("operator.review.error.stale"));
                } else if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                } else {
                    for (FieldError f : e.errors()) {
                        // answers[i].justification: the i-th answer sent, i.e. the i-th requirement given a verdict
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("answers\\[(\\d+)]\\.(\\w+)").matcher(f.field());
                        String key = m.matches() && Integer.parseInt(m.group(1)) < refs.size()
                                ? ("justification".equals(m.group(2)) ? JUSTIFICATION : VERDICT) + refs.get(Integer.parseInt(m.group(1)))
                                : "verdicts";
                        errors.merge(key, "justification".equals(m.matches() ? m.group(2) : "")
                                ? page.t("lab.verdicts.error.justification")
                                : page.t("operator.review.error.refused", f.message()), (x, y) -> x + " " + y);
                    }
                    if (e.errors().isEmpty()) {
                        errors.put("verdicts", page.t("operator.review.error.refused", e.getMessage()));
                    }
                }
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("typed", typed);
        return workPage(page, model, assessments.get(actor, id), TestCaseForm.EMPTY, errors, null);
    }

    @PostMapping("/lab/assessments/{id}/report")
    String report(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) MultipartFile report, @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        assigned(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (report == null || report.isEmpty()) {
            errors.put("report", page.t("lab.report.error.missing"));
        } else {
            try (InputStream in = report.getInputStream()) {
                evidence.upload(actor, id, ETags.of(parseVersion(version)), report.getContentType(), report.getSize(),
                        report.getOriginalFilename(), null, EvidenceKind.LAB_REPORT, in);
                return "redirect:/lab/assessments/" + id + "?done=report";
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded report", e);
            } catch (ApiException e) {
                errors.putAll(labErrors(page, e, "report"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return workPage(page, model, assessments.get(actor, id), TestCaseForm.EMPTY, errors, null);
    }

    @PostMapping("/lab/assessments/{id}/transitions")
    String transition(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                      @RequestParam MultiValueMap<String, String> form) {
        response.setHeader("Cache-Control", "no-store");
        assigned(actor, id);
        Action action = LAB_ACTIONS.stream().filter(a -> a.code().equals(form.getFirst("action"))).findFirst().orElse(null);
        String comment = form.getFirst("comment");
        Map<String, String> errors = new LinkedHashMap<>();
        if (action == null) {
            errors.put("form", page.t("operator.review.error.action"));
        } else if (action == Action.LAB_REQUEST_CHANGES && (comment == null || comment.isBlank())) {
            errors.put("comment", page.t("lab.work.error.comment"));
        }
        if (errors.isEmpty()) {
            try {
                assessments.transition(actor, id, new TransitionInput(action,
                        action == Action.LAB_REQUEST_CHANGES ? comment : null, null), ETags.of(OperatorAssessmentPages.version(form)));
                return "redirect:/lab/assessments/" + id + "?done=" + action.code();
            } catch (ApiException e) {
                errors.putAll(labErrors(page, e, "form"));
            }
        }
        response.setStatus(errors.containsKey("stale") ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return workPage(page, model, assessments.get(actor, id), TestCaseForm.EMPTY, errors, null);
    }

    private static Map<String, String> labErrors(Page page, ApiException e, String defaultField) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
            errors.put("stale", page.t("operator.review.error.stale"));
            return errors;
        }
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError(defaultField, e.getMessage())) : e.errors();
        for (FieldError f : fields) {
            String field = switch (f.field()) {
                case "testId", "requirement", "comment" -> f.field();
                case "fileName", "file", "Content-Type" -> "report";
                default -> f.field().startsWith("answers[") || f.field().equals("evidence") ? "form" : defaultField;
            };
            errors.merge(field, page.t("operator.review.error.refused", f.message()), (x, y) -> x + " " + y);
        }
        return errors;
    }

    private String workPage(Page page, Model model, AssessmentView a, TestCaseForm testCase, Map<String, String> errors,
                            String notice) {
        model.addAttribute("page", page);
        model.addAttribute("a", a);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("answering", io.iotseal.assessment.StateMachine.labMayAnswer(a.state()));
        model.addAttribute("answerVerdicts", List.of(io.iotseal.coverage.Verdict.values()));
        model.addAttribute("testCase", testCase);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("actions", LAB_ACTIONS.stream().filter(a.allowedActions()::contains).toList());
        model.addAttribute("editable", io.iotseal.assessment.StateMachine.labMayEdit(a.state()));
        model.addAttribute("kinds", List.of(TestCaseKind.values()));
        model.addAttribute("verdicts", List.of(TestCaseVerdict.values()));
        // The report travels in the page's form, under the general request cap (the API takes larger files).
        model.addAttribute("maxBytes", Math.min(store.maxBytes(), 1_000_000L));
        return "assessment/lab-work";
    }

    /** The assessment if the evaluator's lab is assigned to it; otherwise "not found", as the API says. */
    private AssessmentView assigned(Actor actor, UUID id) {
        Set<UUID> labs = requireLab(actor);
        AssessmentView a = assessments.get(actor, id);
        if (a.labId() == null || !labs.contains(a.labId())) {
            throw ApiException.notFound("assessment " + id);
        }
        return a;
    }

    private static Set<UUID> requireLab(Actor actor) {
        Set<UUID> labs = actor.organizationsWith(Role.LAB_EVALUATOR);
        if (labs.isEmpty()) {
            throw ApiException.forbidden("the lab console is for test labs' evaluators");
        }
        return labs;
    }

    private static <E extends Enum<E> & io.iotseal.catalog.Coded> E parse(E[] values, String code) {
        for (E e : values) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        return null;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static long parseVersion(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
