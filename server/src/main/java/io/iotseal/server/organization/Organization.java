package io.iotseal.server.organization;

import io.iotseal.server.access.OrganizationKind;

import io.iotseal.server.web.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A scheme operator, vendor or test lab. */
public record Organization(UUID id, OrganizationKind kind, String name, String nameJa, String country,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, long version)
        implements Versioned {
}
