package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentSnapshot;
import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Target;
import io.iotseal.catalog.Catalog;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.product.Product;
import io.iotseal.server.product.ProductRepository;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Gathers what a Declaration of Conformity states and has it rendered; only for accepted assessments. */
@Service
public class DeclarationService {

    private final AssessmentAccess access;
    private final AssessmentService assessments;
    private final AssessmentRepository repository;
    private final ProductRepository products;
    private final OrganizationRepository organizations;
    private final StandardsLibrary library;
    private final DeclarationOfConformity pdf;

    DeclarationService(AssessmentAccess access, AssessmentService assessments, AssessmentRepository repository,
                       ProductRepository products, OrganizationRepository organizations, StandardsLibrary library,
                       DeclarationOfConformity pdf) {
        this.access = access;
        this.assessments = assessments;
        this.repository = repository;
        this.products = products;
        this.organizations = organizations;
        this.library = library;
        this.pdf = pdf;
    }

    @Transactional(readOnly = true)
    public byte[] declaration(Actor actor, UUID id) {
        AssessmentRow a = access.visible(actor, id);
        if (a.state() != AssessmentState.ACCEPTED) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("state",
                    "the assessment is " + a.state().code() + "; a declaration of conformity exists only once accepted")));
        }
        AssessmentSnapshot snapshot = assessments.snapshot(actor, id);
        Product product = products.find(a.productId()).orElseThrow();
        Organization vendor = organizations.find(a.vendorId()).orElseThrow();
        String lab = a.labId() == null ? null : organizations.find(a.labId()).map(Organization::name).orElse(null);
        String decidedBy = repository.transitions(id).stream().filter(t -> t.action() == Action.ACCEPT)
                .reduce((first, second) -> second).map(TransitionView::actor).orElse("-");
        Target target = Target.parse(a.target());
        String schemeEn;
        String schemeJa;
        String levelEn;
        String levelJa;
        if (target.isLevel()) {
            Scheme scheme = library.scheme(target.level().scheme()).orElseThrow();
            SchemeLevel level = library.requireLevel(target.level());
            schemeEn = scheme.name().en();
            schemeJa = scheme.name().exactly("ja").orElse(null);
            levelEn = level.name().en();
            levelJa = level.name().exactly("ja").orElse(null);
        } else {
            Catalog catalog = library.requireCatalog(target.text());
            schemeEn = catalog.name().en();
            schemeJa = catalog.name().exactly("ja").orElse(null);
            levelEn = "all requirements of the catalog";
            levelJa = "全要求事項";
        }
        return pdf.render(snapshot, new DeclarationOfConformity.Parties(vendor.name(), vendor.nameJa(), product.nameJa(),
                product.modelNumbers(), schemeEn, schemeJa, levelEn, levelJa, lab, decidedBy));
    }
}
