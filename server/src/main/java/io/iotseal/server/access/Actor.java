package io.iotseal.server.access;

import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is asking: a signed-in user with their memberships as they are in the database now (loaded per
 * request, so a removed membership takes effect at once), or the anonymous public. Services decide
 * with it what the caller may see and change.
 */
public record Actor(UUID userId, String username, List<Membership> memberships) {

    public static final Actor ANONYMOUS = new Actor(null, "anonymous", List.of());
    /** The server itself (first start, demo data), as named in the audit log. */
    public static final Actor SYSTEM = new Actor(null, "system", List.of());

    public Actor {
        memberships = List.copyOf(memberships);
    }

    public boolean authenticated() {
        return userId != null;
    }

    public boolean hasRole(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    public boolean hasAnyRole(Role... roles) {
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        wanted.addAll(List.of(roles));
        return memberships.stream().anyMatch(m -> wanted.contains(m.role()));
    }

    /** The scheme operator's people see every record. */
    public boolean isOperator() {
        return hasAnyRole(Role.OPERATOR_ADMIN, Role.OPERATOR_REVIEWER);
    }

    /** Organizations in which the actor holds one of the roles. */
    public Set<UUID> organizationsWith(Role... roles) {
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        wanted.addAll(List.of(roles));
        return memberships.stream().filter(m -> wanted.contains(m.role()))
                .map(Membership::organizationId).collect(Collectors.toUnmodifiableSet());
    }

    public Set<UUID> organizations() {
        return memberships.stream().map(Membership::organizationId).collect(Collectors.toUnmodifiableSet());
    }

    /** How the audit log names the actor. */
    public String auditName() {
        return userId == null ? username : "user:" + username + " (" + userId + ")";
    }

    /** The user name inside an audit name ("user:NAME (UUID)" gives NAME), for pages; other names as they are. */
    public static String shortName(String auditName) {
        if (auditName != null && auditName.startsWith("user:")) {
            int paren = auditName.lastIndexOf(" (");
            return auditName.substring("user:".length(), paren > "user:".length() ? paren : auditName.length());
        }
        return auditName;
    }

    /** Whose idempotency keys these are. */
    public String principalKey() {
        return userId == null ? username : userId.toString();
    }
}
