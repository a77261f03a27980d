package io.iotseal.server.product;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.web.ApiException;

import java.util.Set;
import java.util.UUID;

/**
 * Who may use the vendor console (/vendor/**, issue 14): members of a vendor organization, acting only on
 * their own organizations' records. The services decide what a caller may see and change; this adds the
 * console's own narrowing: an operator uses the operator console, and a vendor does not browse another
 * vendor's public products here. A record of another organization answers 404, as the API does for
 * records a caller may not see, so the console reveals nothing the API would not.
 */
public final class VendorConsole {

    private VendorConsole() {
    }

    /** The vendor organizations the actor works for; 403 (the error page) when none. */
    public static Set<UUID> vendors(Actor actor) {
        Set<UUID> own = actor.organizationsWith(Role.VENDOR_ADMIN, Role.VENDOR_MEMBER);
        if (own.isEmpty()) {
            throw ApiException.forbidden("the vendor console is for members of a vendor organization");
        }
        return own;
    }

    /** Throws 404 unless {@code vendorId} is one of the actor's vendor organizations. */
    public static void requireOwn(Actor actor, UUID vendorId, String what) {
        if (!vendors(actor).contains(vendorId)) {
            throw ApiException.notFound(what);
        }
    }
}
