package io.iotseal.server.bootstrap;

import io.iotseal.assessment.Action;
import io.iotseal.coverage.Verdict;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.assessment.AnswerInput;
import io.iotseal.server.assessment.AnswersInput;
import io.iotseal.server.assessment.AssessmentInput;
import io.iotseal.server.assessment.AssessmentService;
import io.iotseal.server.assessment.AssessmentView;
import io.iotseal.server.assessment.TransitionInput;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.organization.OrganizationService;
import io.iotseal.server.product.AssociatedService;
import io.iotseal.server.product.Category;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductInput;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.ServiceKind;
import io.iotseal.server.product.VersionInput;
import io.iotseal.server.access.Actor;
import io.iotseal.server.demo.DemoRecords;
import io.iotseal.server.web.ETags;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The demo registry of the embedded default: a scheme operator, two vendors, one test lab and a few
 * products in Japanese and English, two of them out of scope to show the scope decision, and one
 * accepted JC-STAR ★1 declaration with its signed label. Everything is
 * created through the same services as API calls (validation, audit log), acting as the system with
 * the operator's admin role. Each vendor, lab, product and the declaration is recorded as demo data
 * (ADR 0071), so that the pages built from them say so.
 */
@Component
public class DemoData {

    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final ProductService products;
    private final AssessmentService assessments;
    private final DemoRecords records;
    private final Clock clock;
    private UUID operatorId;

    public DemoData(OrganizationRepository organizations, OrganizationService organizationService,
                    ProductService products, AssessmentService assessments, DemoRecords records, Clock clock) {
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.products = products;
        this.assessments = assessments;
        this.records = records;
        this.clock = clock;
    }

    /** The scheme operator organization every installation needs (the first admin belongs to it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID createOperator() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Organization operator = new Organization(UUID.randomUUID(), OrganizationKind.SCHEME_OPERATOR,
                "Scheme Operator", "制度運営者", "JP", now, now, 1);
        organizations.insert(operator);
        operatorId = operator.id();
        return operatorId;
    }

    /**
     * Loads the demo registry and records its rows as demo data; the demo ★1 declaration's label is issued
     * just before the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void load() {
        Actor system = new Actor(null, "system", List.of(new Membership(operatorId, Role.OPERATOR_ADMIN)));
        UUID sakura = org(system, OrganizationKind.VENDOR, "Sakura Devices K.K.", "さくらデバイス株式会社", "JP");
        UUID northwind = org(system, OrganizationKind.VENDOR, "Northwind Networks Ltd.", "ノースウィンドネットワークス", "GB");
        org(system, OrganizationKind.TEST_LAB, "Tokyo IoT Test Laboratory", "東京IoT試験所", "JP");
        LocalDate today = LocalDate.now(clock);

        product(system, sakura, "Sakura Home Router AX3000", "さくらホームルーター AX3000", List.of("SR-AX3000", "SR-AX3000-W"),
                Category.ROUTER, true, List.of(new AssociatedService(ServiceKind.APP, "Sakura Router app", "Set-up and parental controls")),
                today.plusYears(5), true, "1.0.4", today.minusMonths(8));
        UUID camera = product(system, sakura, "Sakura Indoor Camera C2", "さくら屋内カメラ C2", List.of("SC-C2"), Category.CAMERA, true,
                List.of(new AssociatedService(ServiceKind.CLOUD, "Sakura Cloud Recording", "Clip storage and live view"),
                        new AssociatedService(ServiceKind.APP, "Sakura Camera app", null)),
                today.plusYears(3), true, "2.3.0", today.minusMonths(2));
        UUID declaration = declareStarOne(sakura, camera, "2.3.0");
        records.add(DemoRecords.Kind.ASSESSMENT, declaration);
        product(system, sakura, "Sakura Smart Lock L1", "さくらスマートロック L1", List.of("SL-L1"), Category.SMART_LOCK, true,
                List.of(new AssociatedService(ServiceKind.HUB, "Sakura Bridge", "Bluetooth-to-Wi-Fi bridge")),
                today.plusYears(4), false, "0.9.1", null);
        product(system, northwind, "Northwind Echo Speaker", "ノースウィンド エコースピーカー", List.of("NW-ES1", "NW-ES1-B"),
                Category.SMART_SPEAKER, true, List.of(new AssociatedService(ServiceKind.CLOUD, "Northwind Voice", "Speech recognition")),
                today.plusYears(4), true, "5.1", today.minusYears(1));
        product(system, northwind, "Northwind Pocket Phone", "ノースウィンド ポケットフォン", List.of("NW-PP7"),
                Category.SMARTPHONE, true, List.of(), today.plusYears(3), true, "14.2", today.minusMonths(5));
        product(system, northwind, "Northwind Wired Door Sensor", "ノースウィンド 有線ドアセンサー", List.of("NW-DS0"),
                Category.SENSOR, false, List.of(), null, true, null, null);
    }

    private UUID org(Actor system, OrganizationKind kind, String name, String nameJa, String country) {
        UUID id = organizationService.create(system, new OrganizationInput(kind, name, nameJa, country)).id();
        records.add(DemoRecords.Kind.ORGANIZATION, id);
        return id;
    }

    /**
     * A JC-STAR ★1 self-declaration of the vendor, accepted by the operator, so that the demo registry
     * has a signed label to open at /l/{id} (its answers say they are demo data).
     */
    private UUID declareStarOne(UUID vendor, UUID product, String version) {
        Actor vendorAdmin = new Actor(null, "demo vendor", List.of(new Membership(vendor, Role.VENDOR_ADMIN)));
        Actor operatorAdmin = new Actor(null, "demo operator", List.of(new Membership(operatorId, Role.OPERATOR_ADMIN)));
        AssessmentView a = assessments.create(vendorAdmin, new AssessmentInput(product, version, "jc-star:star-1", null, null));
        List<AnswerInput> answers = a.requirements().stream()
                .map(r -> new AnswerInput(r.requirement(), Verdict.PASS, "Demo data: not a real declaration")).toList();
        a = assessments.answer(vendorAdmin, a.id(), new AnswersInput(answers), ETags.of(a.version()));
        a = assessments.transition(vendorAdmin, a.id(), new TransitionInput(Action.SUBMIT, null, null), ETags.of(a.version()));
        return assessments.transition(operatorAdmin, a.id(), new TransitionInput(Action.ACCEPT, null, null),
                ETags.of(a.version())).id();
    }

    private UUID product(Actor system, UUID vendor, String en, String ja, List<String> models, Category category,
                         boolean ipCapable, List<AssociatedService> services, LocalDate supportEnd, boolean published,
                         String version, LocalDate released) {
        String slug = en.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Product p = products.create(system, new ProductInput(vendor, en, ja, models, category,
                "Demo product: " + en + ".", "Device: " + en + " (" + String.join(", ", models) + ")", ipCapable,
                services, supportEnd, "https://example.com/security/" + slug, "security@example.com", null, published));
        records.add(DemoRecords.Kind.PRODUCT, p.id());
        if (version != null) {
            products.addVersion(system, p.id(), new VersionInput(version, released, null));
        }
        return p.id();
    }
}
