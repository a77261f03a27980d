package io.iotseal.server.product;

import io.iotseal.scheme.DeviceClass;
import io.iotseal.scheme.ProductScope;
import io.iotseal.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a product is in scope, with the reason recorded next to the decision. The rules are each
 * scheme's product scope in the standards data (issue 12: JC-STAR covers IP-connected devices, also those
 * connected through another device, and leaves out general-purpose computers, smartphones and tablets); a
 * product is in scope when at least one scheme that records its scope covers it, and the reason names each
 * scheme's verdict.
 */
public final class ScopePolicy {

    public record Decision(boolean inScope, String reason) {
    }

    private ScopePolicy() {
    }

    public static Decision decide(Category category, boolean ipCapable, List<Scheme> schemes) {
        DeviceClass deviceClass = deviceClass(category);
        boolean inScope = false;
        List<String> reasons = new ArrayList<>();
        for (Scheme scheme : schemes) {
            ProductScope scope = scheme.productScopeIfKnown().orElse(null);
            if (scope != null) {
                ProductScope.Decision d = scope.decide(deviceClass, ipCapable);
                inScope |= d.inScope();
                reasons.add(scheme.id() + ": " + d.reason());
            }
        }
        if (reasons.isEmpty()) {
            return new Decision(true, "No scheme in the standards data records its product scope, so none excludes"
                    + " this product (category " + category + ").");
        }
        return new Decision(inScope, (inScope ? "In scope" : "Out of scope") + " (category " + category + "): "
                + String.join("; ", reasons) + ".");
    }

    /**
     * Whether one scheme covers the product. A product in scope of some scheme is not thereby in scope of
     * every scheme: an assessment against a scheme level asks this, not {@link #decide}. A scheme that
     * records no scope excludes nothing.
     */
    public static Decision decideFor(Category category, boolean ipCapable, Scheme scheme) {
        return scheme.productScopeIfKnown()
                .map(scope -> scope.decide(deviceClass(category), ipCapable))
                .map(d -> new Decision(d.inScope(), scheme.id() + ": " + d.reason()))
                .orElse(new Decision(true, scheme.id() + ": the standards data records no product scope"));
    }

    private static DeviceClass deviceClass(Category category) {
        return switch (category) {
            case GENERAL_PURPOSE_COMPUTER -> DeviceClass.GENERAL_PURPOSE_COMPUTER;
            case SMARTPHONE -> DeviceClass.SMARTPHONE;
            case TABLET -> DeviceClass.TABLET;
            default -> null;
        };
    }
}
