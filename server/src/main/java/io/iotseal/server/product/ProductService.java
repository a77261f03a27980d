package io.iotseal.server.product;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Product records. Reading follows {@link Visibility}; a product the caller may not see is "not found",
 * exactly like a missing one, so no one learns what another vendor has in the works. Writing is for the
 * vendor's own people and the operator's admins.
 */
@Service
public class ProductService {

    public static final int MAX_QUERY_LENGTH = 200;

    private final ProductRepository products;
    private final OrganizationRepository organizations;
    private final AuditLog audit;
    private final Clock clock;
    /** Each scheme's product scope decides a product's scope ({@link ScopePolicy}). */
    private final StandardsLibrary library;

    public ProductService(ProductRepository products, OrganizationRepository organizations, AuditLog audit, Clock clock,
                          StandardsLibrary library) {
        this.library = library;
        this.products = products;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<ProductSummary> search(Actor actor, ProductQuery query, PageRequest page) {
        if (query.q() != null && query.q().length() > MAX_QUERY_LENGTH) {
            throw ApiException.invalid("q", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        Visibility visibility = Visibility.of(actor);
        return PageResult.of(products.search(visibility, query, page.size(), page.offset()), page,
                products.count(visibility, query));
    }

    @Transactional(readOnly = true)
    public Product get(Actor actor, UUID id) {
        return products.find(id).filter(p -> Visibility.of(actor).canSee(p, products.labsAssigned(id)))
                .orElseThrow(() -> ApiException.notFound("product " + id));
    }

    @Transactional
    public Product create(Actor actor, ProductInput input) {
        UUID vendorId = vendorFor(actor, input.vendorId());
        mayEdit(actor, vendorId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Product product = build(UUID.randomUUID(), vendorId, input, List.of(), now, now, 1);
        products.insert(product);
        audit.record(actor, "product.create", "product", product.id(), null, product);
        return products.find(product.id()).orElseThrow();
    }

    @Transactional
    public Product update(Actor actor, UUID id, ProductInput input, String ifMatch) {
        Product current = get(actor, id);
        mayEdit(actor, current.vendorId());
        ETags.requireMatch(ifMatch, current.version());
        if (input.vendorId() != null && !input.vendorId().equals(current.vendorId())) {
            throw ApiException.invalid("vendorId", "cannot change; a product stays with its vendor");
        }
        Product updated = build(id, current.vendorId(), input, current.versions(), current.createdAt(),
                OffsetDateTime.now(clock), current.version() + 1);
        if (!products.update(updated, current.version())) {
            throw ETags.preconditionFailed();
        }
        Product stored = products.find(id).orElseThrow();
        audit.record(actor, "product.update", "product", id, current, stored);
        return stored;
    }

    @Transactional
    public void delete(Actor actor, UUID id, String ifMatch) {
        Product current = get(actor, id);
        if (!actor.hasRole(Role.OPERATOR_ADMIN)
                && !actor.organizationsWith(Role.VENDOR_ADMIN).contains(current.vendorId())) {
            throw ApiException.forbidden("only the vendor's admins or the operator's admins delete a product");
        }
        ETags.requireMatch(ifMatch, current.version());
        if (!products.delete(id, current.version())) {
            throw ETags.preconditionFailed();
        }
        audit.record(actor, "product.delete", "product", id, current, null);
    }

    @Transactional(readOnly = true)
    public List<ProductVersion> versions(Actor actor, UUID productId) {
        return get(actor, productId).versions();
    }

    @Transactional
    public ProductVersion addVersion(Actor actor, UUID productId, VersionInput input) {
        Product product = get(actor, productId);
        mayEdit(actor, product.vendorId());
        String name = input.version().strip();
        if (product.versions().stream().anyMatch(v -> v.version().equals(name))) {
            throw ApiException.conflict("version " + name + " already exists for this product");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String gtin = input.gtin() == null || input.gtin().isBlank() ? null : Gtin.normalize("gtin", input.gtin());
        ProductVersion version = new ProductVersion(UUID.randomUUID(), name, input.releaseDate(),
                blankToNull(input.notes()), now, gtin);
        products.insertVersion(productId, version);
        products.touch(productId, now);
        audit.record(actor, "product.version.create", "product", productId, null, version);
        return version;
    }

    /** The operator assigns a test lab to a product; the lab then sees it (issue 4 builds on this). */
    @Transactional
    public void assignLab(Actor actor, UUID productId, UUID labId, boolean assign) {
        Product product = get(actor, productId);
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the operator's admins assign test labs");
        }
        Organization lab = organizations.find(labId).filter(o -> o.kind() == OrganizationKind.TEST_LAB)
                .orElseThrow(() -> ApiException.notFound("test lab " + labId));
        boolean changed = assign
                ? products.assignLab(product.id(), lab.id(), OffsetDateTime.now(clock))
                : products.unassignLab(product.id(), lab.id());
        if (changed) {
            record Assignment(UUID productId, UUID labId) {
            }
            Assignment a = new Assignment(productId, labId);
            audit.record(actor, assign ? "product.lab.assign" : "product.lab.unassign", "product", productId,
                    assign ? null : a, assign ? a : null);
        }
    }

    private UUID vendorFor(Actor actor, UUID requested) {
        if (requested == null) {
            Set<UUID> own = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER);
            if (own.size() != 1) {
                throw ApiException.invalid("vendorId", "required (the vendor the product belongs to)");
            }
            return own.iterator().next();
        }
        Organization vendor = organizations.find(requested).orElse(null);
        if (vendor == null || vendor.kind() != OrganizationKind.VENDOR) {
            throw ApiException.invalid("vendorId", "no such vendor");
        }
        return requested;
    }

    private static void mayEdit(Actor actor, UUID vendorId) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)
                && !actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER).contains(vendorId)) {
            throw ApiException.forbidden("only the vendor's own people or the operator's admins change its products");
        }
    }

    private Product build(UUID id, UUID vendorId, ProductInput in, List<ProductVersion> versions,
                                 OffsetDateTime created, OffsetDateTime updated, long version) {
        ScopePolicy.Decision scope = ScopePolicy.decide(in.category(), in.ipCapable(), library.schemes());
        List<String> models = in.modelNumbers().stream().map(String::strip).distinct().toList();
        VendorKeys.Checked key = VendorKeys.check(blankToNull(in.vulnerabilityOpenPgpKey()), clock.instant());
        return new Product(id, vendorId, null, in.nameEn().strip(), blankToNull(in.nameJa()), models, in.category(),
                blankToNull(in.description()), blankToNull(in.deviceDescription()), in.ipCapable(),
                in.services() == null ? List.of() : in.services(), versions, in.supportEndDate(),
                blankToNull(in.vulnerabilityDisclosureUrl()), blankToNull(in.vulnerabilityContact()),
                key == null ? null : key.armored(), key == null ? null : key.fingerprint(),
                new Product.Scope(scope.inScope(), scope.reason()), Boolean.TRUE.equals(in.published()), created,
                updated, version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
