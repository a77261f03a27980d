package io.iotseal.server.sbom;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ProductVersion;
import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see and change a product version's SBOMs and what is derived from them (findings, triage): the
 * product's vendor (admins and members) and the operator's admins write; they, the operator's reviewers and
 * the product's assigned labs read (ADR 0091). Anyone else who can see the product gets 403; a product the
 * caller cannot see is 404, as everywhere.
 */
@Component
public class SbomAccess {

    private final ProductService products;
    private final ProductRepository productRows;

    SbomAccess(ProductService products, ProductRepository productRows) {
        this.products = products;
        this.productRows = productRows;
    }

    /** The product, if the caller may read its SBOM data: vendor, operator, or an assigned lab. */
    public Product readable(Actor actor, UUID productId) {
        Product product = products.get(actor, productId);
        boolean vendor = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId());
        boolean lab = !actor.organizationsWith(Role.LAB_EVALUATOR).isEmpty()
                && productRows.labsAssigned(productId).stream()
                .anyMatch(actor.organizationsWith(Role.LAB_EVALUATOR)::contains);
        if (!actor.isOperator() && !vendor && !lab) {
            throw ApiException.forbidden("a product's SBOMs are for its vendor, the operator and its assigned labs");
        }
        return product;
    }

    /** The product, if the caller may add to its SBOM data: its vendor's people or the operator's admins. */
    public Product writable(Actor actor, UUID productId, String what) {
        Product product = products.get(actor, productId);
        if (!actor.hasRole(Role.OPERATOR_ADMIN)
                && !actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(product.vendorId())) {
            throw ApiException.forbidden("only the vendor's own people or the operator's admins " + what);
        }
        return product;
    }

    public static ProductVersion version(Product product, UUID versionId) {
        return product.versions().stream().filter(v -> v.id().equals(versionId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("version " + versionId + " of product " + product.id()));
    }
}
