package io.iotseal.server.product;

/**
 * Decides whether a product is in the scheme's scope, with the reason recorded next to the decision.
 * Consumer IoT schemes (EN 303 645 clause 1, JC-STAR's scope) cover IP-capable devices and leave out
 * general-purpose computers, smartphones and tablets, which have their own security regimes.
 */
public final class ScopePolicy {

    public record Decision(boolean inScope, String reason) {
    }

    private ScopePolicy() {
    }

    public static Decision decide(Category category, boolean ipCapable) {
        if (category.generalPurpose()) {
            return new Decision(false, "Out of scope: general-purpose computers, smartphones and tablets are not"
                    + " covered by the scheme (category " + category + ").");
        }
        if (!ipCapable) {
            return new Decision(false, "Out of scope: the product cannot send or receive data over the Internet"
                    + " Protocol; the scheme covers IP-capable devices.");
        }
        return new Decision(true, "In scope: an IP-capable IoT product (category " + category + ").");
    }
}
