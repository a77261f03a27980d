package io.iotseal.applicability;

import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.CatalogTerm;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which requirements of a catalog apply to a product: a requirement with F(x) applies only
 * if the product has every listed feature, one with C(n) only if every listed condition holds. A
 * requirement without a status always applies. Missing declarations give "undetermined" with the
 * reason, never a guess.
 */
public final class ApplicabilityEngine {
    private ApplicabilityEngine() {
    }

    public static List<ApplicabilityDecision> evaluate(Catalog catalog, ProductProfile profile) {
        checkDeclaredTerms(catalog, profile);
        List<ApplicabilityDecision> decisions = new ArrayList<>();
        for (Requirement requirement : catalog.requirements()) {
            decisions.add(decide(catalog, requirement, profile));
        }
        return decisions;
    }

    public static ApplicabilityDecision decide(Catalog catalog, Requirement requirement, ProductProfile profile) {
        Status status = requirement.status();
        if (status == null || status.isUnconditional()) {
            return new ApplicabilityDecision(requirement, Applicability.APPLIES, List.of());
        }
        List<String> notApplicable = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        for (String feature : status.features()) {
            Boolean present = profile.features().get(feature);
            String text = describe(catalog.feature(feature).orElse(null), feature);
            if (present == null) {
                undetermined.add("feature " + feature + " not declared (" + text + ")");
            } else if (!present) {
                notApplicable.add("feature " + feature + " absent (" + text + ")");
            }
        }
        for (String condition : status.conditions()) {
            Boolean holds = profile.conditions().get(condition);
            String text = describe(catalog.condition(condition).orElse(null), condition);
            if (holds == null) {
                undetermined.add("condition " + condition + " not declared (" + text + ")");
            } else if (!holds) {
                notApplicable.add("condition " + condition + " does not hold (" + text + ")");
            }
        }
        if (!notApplicable.isEmpty()) {
            return new ApplicabilityDecision(requirement, Applicability.NOT_APPLICABLE, notApplicable);
        }
        if (!undetermined.isEmpty()) {
            return new ApplicabilityDecision(requirement, Applicability.UNDETERMINED, undetermined);
        }
        List<String> reasons = new ArrayList<>();
        status.features().forEach(f -> reasons.add("feature " + f + " present"));
        status.conditions().forEach(c -> reasons.add("condition " + c + " holds"));
        return new ApplicabilityDecision(requirement, Applicability.APPLIES, reasons);
    }

    private static String describe(CatalogTerm term, String id) {
        return term == null ? id : term.text().en();
    }

    /** A declared feature or condition the catalog does not know is a typo: say so instead of ignoring it. */
    private static void checkDeclaredTerms(Catalog catalog, ProductProfile profile) {
        for (String feature : profile.features().keySet()) {
            if (catalog.feature(feature).isEmpty()) {
                throw new IllegalArgumentException("features." + feature + ": catalog '" + catalog.id()
                        + "' has no feature '" + feature + "'; known: "
                        + String.join(", ", catalog.features().stream().map(CatalogTerm::id).toList()));
            }
        }
        for (String condition : profile.conditions().keySet()) {
            if (catalog.condition(condition).isEmpty()) {
                throw new IllegalArgumentException("conditions." + condition + ": catalog '" + catalog.id()
                        + "' has no condition '" + condition + "'; known: "
                        + String.join(", ", catalog.conditions().stream().map(CatalogTerm::id).toList()));
            }
        }
    }
}
