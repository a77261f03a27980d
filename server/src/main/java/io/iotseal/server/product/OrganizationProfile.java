package io.iotseal.server.product;

import io.iotseal.server.organization.NameChange;
import io.iotseal.server.organization.Organization;

import java.util.List;
import java.util.Map;

/**
 * One of the vendor's organizations on the console's profile page (ADR 0087): its approved names, its name
 * changes, whether the caller is its admin (and so may ask for a change), what was typed and the errors.
 */
public record OrganizationProfile(Organization organization, List<NameChange> changes, boolean admin, String name,
                                  String nameJa, Map<String, String> errors) {

    /** Whether a name change waits for the operator's decision (one at a time, ADR 0067). */
    public boolean pending() {
        return changes.stream().anyMatch(c -> "PENDING".equals(c.state()));
    }
}
