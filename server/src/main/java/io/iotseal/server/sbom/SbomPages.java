package io.iotseal.server.sbom;

import io.iotseal.server.access.Actor;
import io.iotseal.server.page.Page;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.product.VendorConsole;
import io.iotseal.server.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.UUID;

/**
 * The vendor console's SBOM page (issue 16 item 1, ADR 0091): a product version's SBOMs, each with its
 * components and the warnings found when it was read, over the same {@link SbomService} as the API.
 * Read-only: uploads go through the API. Only the vendor's own products (another vendor's is 404).
 */
@Controller
class SbomPages {

    private final ProductService products;
    private final SbomService sboms;

    SbomPages(ProductService products, SbomService sboms) {
        this.products = products;
        this.sboms = sboms;
    }

    @GetMapping("/vendor/products/{id}/versions/{versionId}/sboms")
    String version(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable UUID id,
                   @PathVariable UUID versionId) {
        response.setHeader("Cache-Control", "no-store");
        VendorConsole.vendors(actor);
        Product product = products.get(actor, id);
        VendorConsole.requireOwn(actor, product.vendorId(), "product " + id);
        ProductVersion version = product.versions().stream().filter(v -> v.id().equals(versionId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("version " + versionId));
        List<SbomView> views = sboms.list(actor, id, versionId).stream()
                .map(s -> sboms.get(actor, id, versionId, s.sha256())).toList();
        model.addAttribute("page", page);
        model.addAttribute("product", product);
        model.addAttribute("version", version);
        model.addAttribute("sboms", views);
        return "sbom/version";
    }
}
