package io.iotseal.server.account;

import io.iotseal.server.access.Role;

/** The vendor console's invitation form as typed (ADR 0087); strings, so what was typed comes back as it was. */
public record InviteForm(String username, String displayName, String email, String role, String organizationId) {

    static final InviteForm EMPTY = new InviteForm(null, null, null, Role.VENDOR_MEMBER.name(), null);
}
