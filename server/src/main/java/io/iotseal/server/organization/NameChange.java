package io.iotseal.server.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A requested change of an organization's legal name (ADR 0067), with the name it has now, so the operator
 * deciding sees who asks as well as what for.
 *
 * @param currentName   the organization's approved name when this was read
 * @param name          the English legal name asked for
 * @param nameJa        the Japanese legal name asked for (null: none)
 * @param state         PENDING, APPROVED or REJECTED
 */
public record NameChange(UUID id, UUID organizationId, String currentName, String name, String nameJa, String state,
                         String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                         String comment) {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    NameChange decided(String newState, String by, OffsetDateTime at, String reason) {
        return new NameChange(id, organizationId, currentName, name, nameJa, newState, requestedBy, requestedAt, by, at,
                reason);
    }
}
