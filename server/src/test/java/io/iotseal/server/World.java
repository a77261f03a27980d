package io.iotseal.server;

import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.TokenInput;
import io.iotseal.server.account.UserInput;
import io.iotseal.server.account.UserView;
import io.iotseal.server.lab.AccreditationInput;
import io.iotseal.server.lab.AccreditationService;
import io.iotseal.server.lab.AccreditationStandard;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.organization.OrganizationService;
import io.iotseal.server.product.Category;
import io.iotseal.server.product.ProductInput;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.PageRequest;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records every API test starts from, made once per test database through the real services:
 * the operator (from first start), vendors A and B, a test lab, one user per role with an API token,
 * vendor A's unpublished product (assigned to the lab) and vendor B's public product.
 */
public final class World {

    // One world per test JVM: every context of the suite uses the same database (TestDatabase).
    private static World world;

    public final UUID operator;
    public final UUID vendorA;
    public final UUID vendorB;
    public final UUID lab;
    public final UUID productA;
    public final UUID productB;
    public final String productAVersion = "1.0.0";
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<Who, UUID> users = new EnumMap<>(Who.class);

    public static synchronized World of(ApplicationContext context) {
        if (world == null) {
            world = new World(context);
        }
        return world;
    }

    /** A world of its own, for a test that starts server instances on another database. */
    public static World build(ApplicationContext context) {
        return new World(context);
    }

    private World(ApplicationContext context) {
        OrganizationService organizations = context.getBean(OrganizationService.class);
        AccountService accounts = context.getBean(AccountService.class);
        AccountRepository accountRepository = context.getBean(AccountRepository.class);
        ProductService products = context.getBean(ProductService.class);

        UUID admin = accountRepository.findByUsername("admin").orElseThrow().id();
        Actor adminActor = new Actor(admin, "admin", accountRepository.memberships(admin));
        operator = adminActor.memberships().get(0).organizationId();
        vendorA = organizations.create(adminActor, new OrganizationInput(OrganizationKind.VENDOR, "Vendor A", "ベンダーA", "JP")).id();
        vendorB = organizations.create(adminActor, new OrganizationInput(OrganizationKind.VENDOR, "Vendor B", null, "DE")).id();
        lab = organizations.create(adminActor, new OrganizationInput(OrganizationKind.TEST_LAB, "Lab", "試験所", "JP")).id();
        accredit(context.getBean(AccreditationService.class), adminActor, lab);

        user(accounts, accountRepository, adminActor, Who.OPERATOR_ADMIN, operator, Role.OPERATOR_ADMIN);
        user(accounts, accountRepository, adminActor, Who.OPERATOR_REVIEWER, operator, Role.OPERATOR_REVIEWER);
        user(accounts, accountRepository, adminActor, Who.VENDOR_ADMIN, vendorA, Role.VENDOR_ADMIN);
        user(accounts, accountRepository, adminActor, Who.VENDOR_MEMBER, vendorA, Role.VENDOR_MEMBER);
        user(accounts, accountRepository, adminActor, Who.OTHER_VENDOR_ADMIN, vendorB, Role.VENDOR_ADMIN);
        user(accounts, accountRepository, adminActor, Who.LAB_EVALUATOR, lab, Role.LAB_EVALUATOR);

        productA = products.create(adminActor, product(vendorA, "World Router A", false)).id();
        products.addVersion(adminActor, productA, new VersionInput(productAVersion, LocalDate.of(2026, 1, 15), null));
        products.assignLab(adminActor, productA, lab, true);
        productB = products.create(adminActor, product(vendorB, "World Camera B", true)).id();
        if (products.search(adminActor, new io.iotseal.server.product.ProductQuery(null, null, null, null),
                new PageRequest(0, 1)).totalItems() < 2) {
            throw new IllegalStateException("world not built");
        }
    }

    /**
     * The world's lab is accredited (ADR 0063) for the levels the tests send to a lab: CLS levels 1-2
     * (lab-reviewed self-declaration) and 3 (third party), any product category.
     */
    private static void accredit(AccreditationService accreditations, Actor admin, UUID lab) {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate until = LocalDate.of(2035, 12, 31);
        accreditations.add(admin, lab, new AccreditationInput(AccreditationStandard.ISO_IEC_17025, "World accreditation body",
                "WORLD-17025-1", "sg-cls", List.of("level-1", "level-2", "level-3"), null, from, until));
    }

    public static ProductInput product(UUID vendor, String name, boolean published) {
        return product(vendor, name, published, LocalDate.of(2030, 12, 31));
    }

    public static ProductInput product(UUID vendor, String name, boolean published, LocalDate supportEnd) {
        return new ProductInput(vendor, name, name + "（日本語）", List.of(name.replace(' ', '-').toUpperCase()),
                Category.ROUTER, "A product for tests", "Device", true, List.of(), supportEnd,
                "https://example.com/vdp", "psirt@example.com", null, published);
    }

    private void user(AccountService accounts, AccountRepository repo, Actor admin, Who who, UUID org, Role role) {
        String name = "world-" + who.name().toLowerCase().replace('_', '-');
        UserView user = accounts.create(admin, new UserInput(name, who.name(), null, null, List.of(new Membership(org, role))));
        Actor actor = new Actor(user.id(), name, repo.memberships(user.id()));
        tokens.put(who, accounts.createToken(actor, new TokenInput("tests", 30)).token());
        users.put(who, user.id());
    }

    /** The bearer token of a role's user; null for the anonymous caller. */
    public String token(Who who) {
        return tokens.get(who);
    }

    public UUID user(Who who) {
        return users.get(who);
    }
}
