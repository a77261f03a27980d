package io.iotseal.server.product;

import io.iotseal.server.access.Role;
import io.iotseal.server.access.Actor;

import java.util.Set;
import java.util.UUID;

/**
 * Which products a caller may see (ADR 0022): the operator all of them; everyone, signed in or not,
 * the public ones (published and in scope); a vendor's people their vendor's products; a lab's
 * evaluators the products the lab is assigned.
 */
record Visibility(boolean all, Set<UUID> vendors, Set<UUID> labs) {

    static Visibility of(Actor actor) {
        if (actor.isOperator()) {
            return new Visibility(true, Set.of(), Set.of());
        }
        return new Visibility(false, actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER),
                actor.organizationsWith(Role.LAB_EVALUATOR));
    }

    boolean canSee(Product p, Set<UUID> labsAssigned) {
        return all || p.isPublic() || vendors.contains(p.vendorId()) || labsAssigned.stream().anyMatch(labs::contains);
    }
}
