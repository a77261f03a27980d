package io.iotseal.server.organization;

import io.iotseal.server.access.OrganizationKind;

import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Organizations: the operator's admins create them; members see their own; the operator sees all.
 * An organization the caller may not see is "not found", the same answer as one that does not exist.
 * Legal names are unique and change only with the operator's approval (ADR 0067, {@link NameChangeService}).
 */
@Service
public class OrganizationService {

    private final OrganizationRepository repository;
    private final LegalNames names;
    private final AuditLog audit;
    private final Clock clock;

    OrganizationService(OrganizationRepository repository, LegalNames names, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<Organization> list(Actor actor, OrganizationKind kind, PageRequest page) {
        Set<UUID> visible = actor.isOperator() ? null : actor.organizations();
        return PageResult.of(repository.list(visible, kind, page.size(), page.offset()), page,
                repository.count(visible, kind));
    }

    @Transactional(readOnly = true)
    public Organization get(Actor actor, UUID id) {
        return repository.find(id).filter(o -> actor.isOperator() || actor.organizations().contains(o.id()))
                .orElseThrow(() -> ApiException.notFound("organization " + id));
    }

    @Transactional
    public Organization create(Actor actor, OrganizationInput input) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("only the scheme operator's admins create organizations");
        }
        audit.lockChain(); // serialises name checks with every other audited change (LegalNames)
        names.requireFree("name", input.name(), null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Organization o = new Organization(UUID.randomUUID(), input.kind(), input.name().strip(), blankToNull(input.nameJa()),
                input.country(), now, now, 1);
        repository.insert(o);
        audit.record(actor, "organization.create", "organization", o.id(), null, o);
        return o;
    }

    /**
     * Changes the country; the organization's own admins or the operator's admins may. The legal names
     * change here only for the operator's admins (who approve such changes); anyone else asks for a
     * name change (ADR 0067).
     */
    @Transactional
    public Organization update(Actor actor, UUID id, OrganizationInput input, String ifMatch) {
        Organization current = get(actor, id);
        if (!mayChange(actor, id)) {
            throw ApiException.forbidden("only the organization's admins or the operator's admins change it");
        }
        ETags.requireMatch(ifMatch, current.version());
        if (input.kind() != current.kind()) {
            throw ApiException.invalid("kind", "cannot change (it is " + current.kind() + ")");
        }
        boolean renamed = !input.name().strip().equals(current.name())
                || !Objects.equals(blankToNull(input.nameJa()), current.nameJa());
        if (renamed && !actor.hasRole(Role.OPERATOR_ADMIN)) {
            String field = input.name().strip().equals(current.name()) ? "nameJa" : "name";
            throw ApiException.withErrors(HttpStatus.FORBIDDEN, "Forbidden", List.of(new FieldError(field,
                    "a legal name changes only with the scheme operator's approval: ask for it with POST"
                            + " /api/v1/organizations/" + id + "/name-changes")));
        }
        if (renamed) {
            audit.lockChain();
            names.requireFree("name", input.name(), id);
        }
        Organization updated = new Organization(id, current.kind(), input.name().strip(), blankToNull(input.nameJa()),
                input.country(), current.createdAt(), OffsetDateTime.now(clock), current.version() + 1);
        if (!repository.update(updated, current.version())) {
            throw ETags.preconditionFailed();
        }
        audit.record(actor, "organization.update", "organization", id, current, updated);
        return updated;
    }

    /** The organization's own admins and the operator's admins change it. */
    static boolean mayChange(Actor actor, UUID organization) {
        return actor.hasRole(Role.OPERATOR_ADMIN)
                || actor.organizationsWith(Role.VENDOR_ADMIN, Role.OPERATOR_ADMIN).contains(organization);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
