package io.iotseal.server.organization;

import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Changes of an organization's legal names (ADR 0067): its admins ask, the scheme operator's admins
 * approve or reject, and only then does {@code organization.name}, which labels carry, change. Every step
 * is audited.
 */
@Service
public class NameChangeService {

    private final NameChangeRepository repository;
    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final LegalNames names;
    private final AuditLog audit;
    private final Clock clock;

    NameChangeService(NameChangeRepository repository, OrganizationRepository organizations,
                      OrganizationService organizationService, LegalNames names, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NameChange request(Actor actor, UUID organizationId, NameChangeInput input) {
        Organization current = organizationService.get(actor, organizationId);
        if (!OrganizationService.mayChange(actor, organizationId)) {
            throw ApiException.forbidden("only the organization's admins or the operator's admins ask for a name change");
        }
        String name = input.name().strip();
        String nameJa = OrganizationService.blankToNull(input.nameJa());
        if (name.equals(current.name()) && Objects.equals(nameJa, current.nameJa())) {
            throw ApiException.invalid("name", "is the organization's name already");
        }
        audit.lockChain(); // serialises name checks with every other audited change (LegalNames)
        if (repository.pending(organizationId).isPresent()) {
            throw conflict("name", "a name change of this organization is already waiting for the operator's decision");
        }
        names.requireFree("name", name, organizationId);
        NameChange change = new NameChange(UUID.randomUUID(), organizationId, current.name(), name, nameJa,
                NameChange.PENDING, actor.auditName(), OffsetDateTime.now(clock), null, null, null);
        repository.insert(change);
        audit.record(actor, "organization.name.request", "organization_name_change", change.id(), null, change);
        return change;
    }

    /** An organization's name changes, for those who see the organization. */
    @Transactional(readOnly = true)
    public List<NameChange> of(Actor actor, UUID organizationId) {
        organizationService.get(actor, organizationId);
        return repository.ofOrganization(organizationId);
    }

    /** Every name change waiting for a decision: the operator's queue. */
    @Transactional(readOnly = true)
    public List<NameChange> pending(Actor actor) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("only the scheme operator's people see the name changes of every organization");
        }
        return repository.allPending();
    }

    @Transactional
    public NameChange decide(Actor actor, UUID organizationId, UUID changeId, NameDecisionInput input) {
        organizationService.get(actor, organizationId);
        NameChange change = repository.find(organizationId, changeId)
                .orElseThrow(() -> ApiException.notFound("name change " + changeId));
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the scheme operator's admins approve or reject name changes");
        }
        audit.lockChain();
        if (!NameChange.PENDING.equals(change.state())) {
            throw conflict("action", "the name change is already " + change.state().toLowerCase(Locale.ROOT));
        }
        String comment = OrganizationService.blankToNull(input.comment());
        OffsetDateTime now = OffsetDateTime.now(clock);
        NameChange decided = switch (input.action()) {
            case "approve" -> change.decided(NameChange.APPROVED, actor.auditName(), now, comment);
            case "reject" -> {
                if (comment == null) {
                    throw ApiException.invalid("comment", "required to reject (the vendor reads why)");
                }
                yield change.decided(NameChange.REJECTED, actor.auditName(), now, comment);
            }
            default -> throw ApiException.invalid("action", "one of approve, reject");
        };
        if (decided.state().equals(NameChange.APPROVED)) {
            names.requireFree("name", change.name(), organizationId);
            rename(actor, organizationId, change, now);
        }
        if (!repository.decide(decided)) {
            throw conflict("action", "the name change was decided meanwhile");
        }
        audit.record(actor, "organization.name." + input.action(), "organization_name_change", changeId, change, decided);
        return decided;
    }

    private void rename(Actor actor, UUID organizationId, NameChange change, OffsetDateTime now) {
        Organization current = organizations.find(organizationId).orElseThrow();
        Organization renamed = new Organization(organizationId, current.kind(), change.name(), change.nameJa(),
                current.country(), current.createdAt(), now, current.version() + 1);
        if (!organizations.update(renamed, current.version())) {
            throw ETags.preconditionFailed();
        }
        audit.record(actor, "organization.update", "organization", organizationId, current, renamed);
    }

    private static ApiException conflict(String field, String message) {
        return ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError(field, message)));
    }
}
