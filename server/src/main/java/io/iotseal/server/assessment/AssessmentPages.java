package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Target;
import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.CatalogTerm;
import io.iotseal.coverage.Verdict;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductQuery;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ProductSummary;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The vendor console's assessment pages (issue 14, ADR 0085): the vendor's assessments, starting one for a
 * scheme level, and the checklist (verdict and justification per requirement, evidence per requirement,
 * the completeness problems next to the requirements they name, the operator's requested changes, submit).
 * Every change goes through {@link AssessmentService} and {@link EvidenceService}, as the REST API's do,
 * with the assessment's version from the page as If-Match: a checklist someone else saved meanwhile is
 * refused and says so, keeping what the user typed. With htmx, one requirement is saved at a time and only
 * its section is replaced; without JavaScript the same button saves the whole form.
 */
@Controller
class AssessmentPages {

    static final String VERDICT = "verdict.";
    static final String JUSTIFICATION = "justification.";

    private final AssessmentService assessments;
    private final EvidenceService evidence;
    private final ProductService products;
    private final StandardsLibrary library;
    private final EvidenceProperties evidenceProperties;

    AssessmentPages(AssessmentService assessments, EvidenceService evidence, ProductService products,
                    StandardsLibrary library, EvidenceProperties evidenceProperties) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.products = products;
        this.library = library;
        this.evidenceProperties = evidenceProperties;
    }

    @GetMapping("/vendor/assessments")
    String list(Page page, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Set<UUID> own = VendorConsole.vendors(actor);
        List<AssessmentView> mine = assessments.list(actor, null, new PageRequest(0, PageRequest.MAX_SIZE)).items()
                .stream().filter(a -> own.contains(a.vendorId())).toList();
        model.addAttribute("page", page);
        model.addAttribute("assessments", mine);
        return "assessment/list";
    }

    /** Step one picks the product and the target (a GET form, so it works without JavaScript); step two the rest. */
    @GetMapping("/vendor/assessments/new")
    String newForm(Page page, Actor actor, Model model, HttpServletResponse response,
                   @RequestParam(required = false) UUID productId, @RequestParam(required = false) String target) {
        response.setHeader("Cache-Control", "no-store");
        return newPage(page, actor, model, productId, target == null ? "jc-star:star-1" : target, null, Map.of(),
                Map.of());
    }

    @PostMapping("/vendor/assessments")
    String create(Page page, Actor actor, Model model, HttpServletResponse response,
                  @RequestParam(required = false) UUID productId, @RequestParam(required = false) String productVersion,
                  @RequestParam(required = false) String target, @RequestParam Map<String, String> params) {
        response.setHeader("Cache-Control", "no-store");
        VendorConsole.vendors(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Boolean> features = declared(params, "feature.");
        Map<String, Boolean> conditions = declared(params, "condition.");
        if (productId == null) {
            errors.put("productId", page.t("vendor.assessment.error.productId"));
        } else {
            ownProduct(actor, productId);
        }
        if (productVersion == null || productVersion.isBlank()) {
            errors.put("productVersion", page.t("vendor.assessment.error.productVersion"));
        }
        if (errors.isEmpty()) {
            try {
                AssessmentView created = assessments.create(actor, new AssessmentInput(productId, productVersion,
                        target == null ? "" : target, features, conditions));
                return "redirect:/vendor/assessments/" + created.id() + "?started";
            } catch (ApiException e) {
                if (e.errors().isEmpty() || e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                for (FieldError f : e.errors()) {
                    String field = f.field().startsWith("features.") || f.field().startsWith("conditions.")
                            ? "features" : f.field();
                    errors.putIfAbsent(field, page.t("vendor.assessment.error.refused", f.message()));
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return newPage(page, actor, model, productId, target, productVersion, params, errors);
    }

    @GetMapping("/vendor/assessments/{id}")
    String checklist(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                     @RequestParam(required = false) String started, @RequestParam(required = false) String saved,
                     @RequestParam(required = false) String uploaded, @RequestParam(required = false) String submitted) {
        response.setHeader("Cache-Control", "no-store");
        AssessmentView a = own(actor, id);
        String notice = started != null ? "vendor.checklist.started" : saved != null ? "vendor.checklist.saved"
                : uploaded != null ? "vendor.checklist.uploaded" : submitted != null ? "vendor.checklist.submitted" : null;
        return checklistPage(page, model, a, Map.of(), Map.of(), null, null, notice);
    }

    /**
     * Saves the answers of the form (all or none, as the API does). {@code only}: the requirement whose own
     * save button was pressed; with htmx (the HX-Request header) only that one is saved and its section is
     * answered, without JavaScript the whole form is saved.
     */
    @PostMapping("/vendor/assessments/{id}/answers")
    String answer(Page page, Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
                  @PathVariable UUID id, @RequestParam(required = false) String version,
                  @RequestParam(required = false) String only, @RequestParam Map<String, String> params) {
        response.setHeader("Cache-Control", "no-store");
        AssessmentView a = own(actor, id);
        boolean partial = only != null && "true".equals(request.getHeader("HX-Request"));
        List<AnswerInput> answers = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (RequirementView r : a.requirements()) {
            if (partial && !r.requirement().equals(only)) {
                continue;
            }
            String verdict = params.get(VERDICT + r.requirement());
            String justification = params.getOrDefault(JUSTIFICATION + r.requirement(), "");
            if (verdict == null || verdict.isBlank()) {
                if (partial || !justification.isBlank()) {
                    errors.put(r.requirement(), page.t("vendor.checklist.error.verdict"));
                }
                continue;
            }
            Verdict v;
            try {
                v = Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                errors.put(r.requirement(), page.t("vendor.checklist.error.verdict"));
                continue;
            }
            if (justification.length() > 4000) {
                errors.put(r.requirement(), page.t("vendor.checklist.error.justification"));
                continue;
            }
            answers.add(new AnswerInput(r.requirement(), v, justification.isBlank() ? null : justification.strip()));
        }
        String formError = null;
        if (errors.isEmpty() && answers.isEmpty()) {
            formError = page.t("vendor.checklist.error.nothing");
        }
        if (errors.isEmpty() && formError == null) {
            try {
                AssessmentView saved = assessments.answer(actor, id, new AnswersInput(answers), etag(version));
                if (partial) {
                    return requirementPartial(page, model, saved, only, Map.of(), Map.of(), null, true);
                }
                return "redirect:/vendor/assessments/" + id + "?saved";
            } catch (ApiException e) {
                formError = refusal(page, e);
            }
        }
        AssessmentView now = own(actor, id);
        if (partial) {
            // htmx swaps only 2xx answers by default: the section carries the error itself (role=alert).
            return requirementPartial(page, model, now, only, params, errors, formError, false);
        }
        response.setStatus(formError != null && formError.equals(page.t("vendor.checklist.stale"))
                ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return checklistPage(page, model, now, params, errors, formError, null, null);
    }

    /**
     * Evidence for one requirement, as a multipart form. The cap is enforced before the part is read whole:
     * the multipart parser refuses a part over the largest upload cap (AssessmentConfig), EvidenceService refuses
     * a part over the evidence cap by its size and reads at most the cap.
     */
    @PostMapping("/vendor/assessments/{id}/evidence")
    String upload(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) String requirement, @RequestParam(required = false) MultipartFile file) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        AssessmentView a = own(actor, id);
        String error;
        if (file == null || file.isEmpty()) {
            error = page.t("vendor.evidence.error.empty");
        } else {
            try (InputStream in = file.getInputStream()) {
                // Adding a file overwrites nobody's work, so it goes against the assessment as it is now (ADR 0085).
                evidence.upload(actor, id, ETags.of(a.version()), file.getContentType(), file.getSize(), file.getOriginalFilename(),
                        requirement, EvidenceKind.EVIDENCE, in);
                return "redirect:/vendor/assessments/" + id + "?uploaded#" + anchor(a, requirement);
            } catch (ApiException e) {
                error = e.status() == HttpStatus.PAYLOAD_TOO_LARGE
                        ? page.t("vendor.evidence.error.tooLarge", megabytes(evidenceProperties.maxBytes()))
                        : e.status() == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? page.t("vendor.evidence.error.type")
                        : refusal(page, e);
            }
        }
        response.setStatus(error.equals(page.t("vendor.checklist.stale")) ? HttpStatus.CONFLICT.value()
                : HttpStatus.UNPROCESSABLE_ENTITY.value());
        Map<String, String> errors = new LinkedHashMap<>();
        if (requirement != null) {
            errors.put("evidence." + requirement, error);
        }
        return checklistPage(page, model, own(actor, id), Map.of(), errors, requirement == null ? error : null, null, null);
    }

    @PostMapping("/vendor/assessments/{id}/submit")
    String submit(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @RequestParam(required = false) String version) {
        response.setHeader("Cache-Control", "no-store");
        own(actor, id);
        try {
            assessments.transition(actor, id, new TransitionInput(Action.SUBMIT, null, null), etag(version));
            return "redirect:/vendor/assessments/" + id + "?submitted";
        } catch (ApiException e) {
            String error = e.status() == HttpStatus.UNPROCESSABLE_ENTITY ? page.t("vendor.checklist.notComplete")
                    : refusal(page, e);
            response.setStatus(e.status() == HttpStatus.PRECONDITION_FAILED ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_ENTITY.value());
            return checklistPage(page, model, own(actor, id), Map.of(), Map.of(), null, error, null);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** The assessment, if it is of one of the actor's vendors: 403 without a vendor role, else 404 as in the API. */
    private AssessmentView own(Actor actor, UUID id) {
        VendorConsole.vendors(actor); // 403 for a non-vendor before the lookup's 404 (the matrix rows expect it)
        AssessmentView a = assessments.get(actor, id);
        VendorConsole.requireOwn(actor, a.vendorId(), "assessment " + id);
        return a;
    }

    private Product ownProduct(Actor actor, UUID id) {
        VendorConsole.vendors(actor);
        Product p = products.get(actor, id);
        VendorConsole.requireOwn(actor, p.vendorId(), "product " + id);
        return p;
    }

    private static String etag(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return ETags.of(Long.parseLong(version.strip()));
        } catch (NumberFormatException e) {
            return ETags.of(-1); // never an assessment's version: refused as stale
        }
    }

    /** What to tell the user about a refusal by the service; 403 and 404 are the error page. */
    private static String refusal(Page page, ApiException e) {
        if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.PRECONDITION_REQUIRED) {
            return page.t("vendor.checklist.stale");
        }
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        if (e.status() == HttpStatus.CONFLICT) {
            return page.t("vendor.checklist.closed");
        }
        return page.t("vendor.checklist.refused", e.getMessage());
    }

    private static Map<String, Boolean> declared(Map<String, String> params, String prefix) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix) && ("yes".equals(v) || "no".equals(v))) {
                out.put(k.substring(prefix.length()), "yes".equals(v));
            }
        });
        return out;
    }

    private static String anchor(AssessmentView a, String requirement) {
        for (int i = 0; i < a.requirements().size(); i++) {
            if (a.requirements().get(i).requirement().equals(requirement)) {
                return "req-" + i;
            }
        }
        return "evidence";
    }

    static String megabytes(long bytes) {
        return String.valueOf(Math.round(bytes / 1048576.0 * 10) / 10.0).replaceAll("\\.0$", "");
    }

    private String newPage(Page page, Actor actor, Model model, UUID productId, String target, String productVersion,
                           Map<String, String> typed, Map<String, String> errors) {
        List<ProductSummary> own = new ArrayList<>();
        for (UUID vendor : VendorConsole.vendors(actor)) {
            own.addAll(products.search(actor, new ProductQuery(null, null, vendor, null),
                    new PageRequest(0, PageRequest.MAX_SIZE)).items());
        }
        Product product = productId == null ? null : ownProduct(actor, productId);
        List<CatalogTerm> features = new ArrayList<>();
        List<CatalogTerm> conditions = new ArrayList<>();
        String targetError = null;
        try {
            Target t = Target.parse(target);
            Set<String> catalogs = new LinkedHashSet<>();
            if (t.isLevel()) {
                library.levelRequirements(t.level()).requirements().forEach(r -> catalogs.add(r.catalog()));
            } else {
                catalogs.add(t.text());
            }
            for (String c : catalogs) {
                Catalog catalog = library.requireCatalog(c);
                features.addAll(catalog.features());
                conditions.addAll(catalog.conditions());
            }
        } catch (RuntimeException e) {
            targetError = page.t("vendor.assessment.error.target");
        }
        model.addAttribute("page", page);
        model.addAttribute("products", own);
        model.addAttribute("product", product);
        model.addAttribute("targets", library.levelRefs());
        model.addAttribute("target", target);
        model.addAttribute("productVersion", productVersion);
        model.addAttribute("features", features);
        model.addAttribute("conditions", conditions);
        model.addAttribute("typed", typed);
        Map<String, String> allErrors = new LinkedHashMap<>(errors);
        if (targetError != null) {
            allErrors.putIfAbsent("target", targetError);
        }
        model.addAttribute("errors", allErrors);
        return "assessment/new";
    }

    /** The checklist rows; {@code typed} (the refused form) wins over the stored answers. */
    private static List<ChecklistRow> rows(Page page, AssessmentView a, Map<String, String> typed,
                                           Map<String, String> errors, String savedRef) {
        String request = requestedChanges(a);
        Map<String, String> requested = OperatorAssessmentPages.latestComments(a);
        List<ChecklistRow> rows = new ArrayList<>();
        for (int i = 0; i < a.requirements().size(); i++) {
            RequirementView r = a.requirements().get(i);
            String ref = r.requirement();
            String verdict = typed.containsKey(VERDICT + ref) ? typed.get(VERDICT + ref)
                    : r.answer() == null ? "" : r.answer().verdict().name();
            String justification = typed.containsKey(JUSTIFICATION + ref) ? typed.get(JUSTIFICATION + ref)
                    : r.answer() == null || r.answer().justification() == null ? "" : r.answer().justification();
            List<String> problems = a.problems().stream().filter(p -> p.field().equals("answers[" + ref + "]"))
                    .map(p -> problemText(page, p.message())).toList();
            List<EvidenceView> files = a.evidence().stream().filter(e -> ref.equals(e.requirement())).toList();
            String change = request != null && mentions(request, ref) ? request : null;
            if (a.state() == AssessmentState.CHANGES_REQUESTED && requested.containsKey(ref)) {
                change = requested.get(ref); // the reviewer's comment on this requirement (ADR 0086)
            }
            String error = errors.containsKey(ref) ? errors.get(ref) : errors.get("evidence." + ref);
            rows.add(new ChecklistRow(i, r, verdict, justification, problems, files, change, error, ref.equals(savedRef)));
        }
        return rows;
    }

    /** The operator's comment of the last request for changes, while the changes are still asked for. */
    static String requestedChanges(AssessmentView a) {
        if (a.state() != AssessmentState.CHANGES_REQUESTED) {
            return null;
        }
        String comment = null;
        for (TransitionView t : a.transitions()) {
            if (t.action() == Action.REQUEST_CHANGES || t.action() == Action.LAB_REQUEST_CHANGES) {
                comment = t.comment();
            }
        }
        return comment;
    }

    /** Whether the comment names the requirement: its full reference or its id (S1.1-03). */
    static boolean mentions(String comment, String ref) {
        String id = ref.substring(ref.indexOf('#') + 1);
        return comment.contains(ref) || java.util.regex.Pattern.compile("(?<![\\w.-])" + java.util.regex.Pattern.quote(id)
                + "(?![\\w-])").matcher(comment).find();
    }

    /** Completeness problems in the user's language (the service's messages are English, for the API). */
    private static String problemText(Page page, String message) {
        if (message.startsWith("not answered")) {
            return page.t("vendor.checklist.problem.unanswered");
        }
        if (message.startsWith("fails")) {
            return page.t("vendor.checklist.problem.fails");
        }
        if (message.startsWith("not applicable needs")) {
            return page.t("vendor.checklist.problem.justification");
        }
        return page.t("vendor.checklist.problem.other", message);
    }

    private String checklistPage(Page page, Model model, AssessmentView a, Map<String, String> typed,
                                 Map<String, String> errors, String formError, String submitError, String notice) {
        model.addAttribute("page", page);
        model.addAttribute("a", a);
        model.addAttribute("rows", rows(page, a, typed, errors, null));
        model.addAttribute("editable", a.allowedActions().contains(Action.SUBMIT));
        model.addAttribute("requestedChanges", requestedChanges(a));
        model.addAttribute("formError", formError);
        model.addAttribute("submitError", submitError);
        model.addAttribute("notice", notice);
        model.addAttribute("maxMegabytes", megabytes(evidenceProperties.maxBytes()));
        model.addAttribute("maxBytes", evidenceProperties.maxBytes());
        return "assessment/checklist";
    }

    private String requirementPartial(Page page, Model model, AssessmentView a, String ref, Map<String, String> typed,
                                      Map<String, String> errors, String formError, boolean saved) {
        List<ChecklistRow> all = rows(page, a, typed, errors, saved ? ref : null);
        ChecklistRow row = all.stream().filter(r -> r.ref().equals(ref))
                .findFirst().orElseThrow(() -> ApiException.notFound("requirement " + ref));
        if (formError != null && row.error() == null) {
            row = new ChecklistRow(row.index(), row.requirement(), row.verdict(), row.justification(), row.problems(),
                    row.evidence(), row.requestedChange(), formError, false);
        }
        model.addAttribute("page", page);
        model.addAttribute("a", a);
        model.addAttribute("row", row);
        model.addAttribute("rows", all);
        model.addAttribute("editable", a.allowedActions().contains(Action.SUBMIT));
        model.addAttribute("maxMegabytes", megabytes(evidenceProperties.maxBytes()));
        model.addAttribute("maxBytes", evidenceProperties.maxBytes());
        return "assessment/saved";
    }
}
