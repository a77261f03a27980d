package io.iotseal.server.access;

import io.iotseal.server.access.OrganizationKind;

/** What a member may do in an organization; each role belongs to one kind of organization. */
public enum Role {
    OPERATOR_ADMIN(OrganizationKind.SCHEME_OPERATOR),
    OPERATOR_REVIEWER(OrganizationKind.SCHEME_OPERATOR),
    VENDOR_ADMIN(OrganizationKind.VENDOR),
    VENDOR_MEMBER(OrganizationKind.VENDOR),
    LAB_EVALUATOR(OrganizationKind.TEST_LAB),
    /** Subscribes, usually with an API token, to public label events (ADR 0082). */
    SUBSCRIBER(OrganizationKind.SUBSCRIBER);

    private final OrganizationKind organizationKind;

    Role(OrganizationKind organizationKind) {
        this.organizationKind = organizationKind;
    }

    public OrganizationKind organizationKind() {
        return organizationKind;
    }
}
