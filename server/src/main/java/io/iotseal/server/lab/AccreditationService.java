package io.iotseal.server.lab;

import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import io.iotseal.scheme.Scheme;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.organization.Organization;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.organization.OrganizationRepository;
import io.iotseal.server.product.Category;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Test labs' accreditations (issue 12, ADR 0063): the operator's admins record certificates; the
 * public sees the labs holding one valid today; assigning a lab to an assessment needs a certificate
 * whose scope covers the assessment's level and product category on the day.
 */
@Service
public class AccreditationService {

    private final AccreditationRepository repository;
    private final OrganizationRepository organizations;
    private final StandardsLibrary library;
    private final AuditLog audit;
    private final Clock clock;

    AccreditationService(AccreditationRepository repository, OrganizationRepository organizations,
                         StandardsLibrary library, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.library = library;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Accreditation add(Actor actor, UUID labId, AccreditationInput input) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the scheme operator's admins record accreditations");
        }
        lab(labId).orElseThrow(() -> ApiException.notFound("test lab " + labId));
        List<FieldError> errors = new ArrayList<>();
        Optional<Scheme> scheme = library.scheme(input.scheme().strip());
        if (scheme.isEmpty()) {
            errors.add(new FieldError("scheme", "no scheme '" + input.scheme() + "' in the standards data; known: "
                    + String.join(", ", library.schemes().stream().map(Scheme::id).toList())));
        } else {
            for (int i = 0; i < input.levels().size(); i++) {
                String level = input.levels().get(i).strip();
                if (scheme.get().level(level).isEmpty()) {
                    errors.add(new FieldError("levels[" + i + "]", "scheme " + scheme.get().id() + " has no level '" + level
                            + "'; known: " + String.join(", ", scheme.get().levels().stream().map(SchemeLevel::id).toList())));
                }
            }
        }
        if (!input.validUntil().isAfter(input.validFrom())) {
            errors.add(new FieldError("validUntil", "must be after validFrom (" + input.validFrom() + ")"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.BAD_REQUEST, "Bad Request", errors);
        }
        String body = input.accreditingBody().strip();
        String number = input.certificateNumber().strip();
        if (repository.certificateExists(body, number)) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("certificateNumber",
                    "certificate " + number + " of " + body + " is already on record")));
        }
        Accreditation a = new Accreditation(UUID.randomUUID(), labId, input.standard(), body, number,
                scheme.get().id(), input.levels().stream().map(String::strip).distinct().toList(),
                input.productCategories() == null ? List.of() : input.productCategories().stream().distinct().toList(),
                input.validFrom(), input.validUntil());
        repository.insert(a, actor.auditName(), OffsetDateTime.now(clock));
        audit.record(actor, "lab.accredit", "organization", labId, null, a);
        return a;
    }

    /** The labs with at least one certificate valid today, with those certificates. */
    @Transactional(readOnly = true)
    public List<ApprovedLab> approvedLabs() {
        Map<UUID, List<Accreditation>> byLab = new LinkedHashMap<>();
        repository.validOn(today()).forEach(a -> byLab.computeIfAbsent(a.labId(), k -> new ArrayList<>()).add(a));
        List<ApprovedLab> labs = new ArrayList<>();
        byLab.forEach((id, certificates) -> lab(id).ifPresent(o ->
                labs.add(new ApprovedLab(o.id(), o.name(), o.nameJa(), o.country(), certificates))));
        labs.sort(java.util.Comparator.comparing(ApprovedLab::name).thenComparing(ApprovedLab::id));
        return labs;
    }

    /**
     * Refuses (422 naming {@code labId}) a lab with no certificate valid today whose scope covers
     * {@code level} for a product of {@code category}, saying whether the scope or the validity failed.
     */
    public void requireAccredited(UUID labId, LevelRef level, Category category) {
        LocalDate today = today();
        List<Accreditation> covering = repository.ofLab(labId).stream()
                .filter(a -> a.covers(level.scheme(), level.level(), category)).toList();
        if (covering.stream().anyMatch(a -> a.validOn(today))) {
            return;
        }
        String message;
        if (covering.isEmpty()) {
            message = "the lab has no accreditation whose scope covers " + level + " for " + category + " products";
        } else {
            Accreditation latest = covering.get(0); // ordered by valid_until, latest first
            message = latest.validUntil().isBefore(today)
                    ? "the lab's accreditation for " + level + " (certificate " + latest.certificateNumber() + ") expired on "
                    + latest.validUntil()
                    : "the lab's accreditation for " + level + " (certificate " + latest.certificateNumber()
                    + ") is valid only from " + latest.validFrom();
        }
        throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content",
                List.of(new FieldError("labId", message)));
    }

    private Optional<Organization> lab(UUID id) {
        return organizations.find(id).filter(o -> o.kind() == OrganizationKind.TEST_LAB);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
