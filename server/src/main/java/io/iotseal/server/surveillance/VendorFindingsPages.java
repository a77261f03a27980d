package io.iotseal.server.surveillance;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.sbom.SbomAccess;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vendor console's findings page (ADR 0096): the vulnerabilities matched to a product version's SBOM, each
 * with the vendor's current triage and a form to record a new one, over the same {@link TriageService} as
 * {@code /api/v1/products/{id}/versions/{versionId}/triage}. Only the vendor's own products.
 */
@Controller
public class VendorFindingsPages {

    /** A finding, the current statement about it (or null), and a short key for the page's ids. */
    public record Row(VersionFinding finding, TriageStatement triage, String key) {
    }

    private static final List<String> EXPLAINED = List.of("justification", "actionStatement", "fixedIn");

    private final ProductService products;
    private final TriageService triage;
    private final VersionFindings findings;

    VendorFindingsPages(ProductService products, TriageService triage, VersionFindings findings) {
        this.products = products;
        this.triage = triage;
        this.findings = findings;
    }

    @GetMapping("/vendor/products/{id}/versions/{versionId}/findings")
    String findings(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                    @PathVariable UUID versionId, @RequestParam(required = false) String done) {
        response.setHeader("Cache-Control", "no-store");
        return render(page, actor, model, id, versionId, Map.of(),
                "saved".equals(done) ? page.t("vendor.findings.saved") : null);
    }

    @PostMapping("/vendor/products/{id}/versions/{versionId}/triage")
    String record(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                  @PathVariable UUID versionId, @RequestParam(required = false) String vulnerability,
                  @RequestParam(required = false) String component, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String justification,
                  @RequestParam(required = false) String actionStatement,
                  @RequestParam(required = false) String fixedIn) {
        response.setHeader("Cache-Control", "no-store");
        own(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (vulnerability == null || vulnerability.isBlank() || component == null || component.isBlank()
                || status == null || status.isBlank()) {
            errors.put("status", page.t("vendor.findings.error.missing"));
        } else {
            try {
                triage.record(actor, id, versionId, new TriageInput(vulnerability, component, status,
                        justification, null, actionStatement, fixedIn));
                return "redirect:/vendor/products/" + id + "/versions/" + versionId + "/findings?done=saved";
            } catch (ApiException e) {
                if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                List<FieldError> fields = e.errors().isEmpty() ? List.of(new FieldError("status", e.getMessage())) : e.errors();
                for (FieldError f : fields) {
                    // The fields a person fills in get the page's own words; anything else the service's reason.
                    String message = EXPLAINED.contains(f.field()) ? page.t("vendor.findings.error." + f.field())
                            : f.message();
                    errors.merge(f.field(), page.t("vendor.findings.error.refused", vulnerability,
                            page.t("vendor.findings.field." + knownField(f.field())), message), (x, y) -> x + " " + y);
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return render(page, actor, model, id, versionId, errors, null);
    }

    private String render(Page page, Actor actor, Model model, UUID id, UUID versionId, Map<String, String> errors,
                          String notice) {
        Product product = own(actor, id);
        ProductVersion version = SbomAccess.version(product, versionId);
        List<TriageStatement> statements = triage.current(actor, id, versionId);
        List<Row> rows = findings.of(versionId).stream().map(f -> new Row(f,
                statements.stream().filter(s -> f.coveredBy(s.vulnerability(), s.component())).findFirst().orElse(null),
                TriageRepository.findingKey(f.advisoryId(), f.component()).substring(0, 12))).toList();
        model.addAttribute("page", page);
        model.addAttribute("product", product);
        model.addAttribute("version", version);
        model.addAttribute("rows", rows);
        model.addAttribute("justifications", TriageService.CYCLONEDX_JUSTIFICATIONS);
        model.addAttribute("lastChecked", findings.lastChecked().orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "surveillance/vendor-findings";
    }

    private Product own(Actor actor, UUID id) {
        VendorConsole.vendors(actor);
        Product product = products.get(actor, id);
        VendorConsole.requireOwn(actor, product.vendorId(), "product " + id);
        return product;
    }

    private static String knownField(String field) {
        return List.of("justification", "actionStatement", "fixedIn", "component", "status").contains(field) ? field : "status";
    }
}
