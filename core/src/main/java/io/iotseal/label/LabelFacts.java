package io.iotseal.label;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a verified credential or QR token states, for display. A QR token carries a subset:
 * {@code modelsOmitted} and {@code versionsOmitted} count entries that did not fit and are only
 * in the credential and on the public page. {@code productName} maps language tags to names, in the
 * order of the tags.
 */
public record LabelFacts(String id, String registrationNumber, String level, String vendor,
                         Map<String, String> productName, List<String> models, int modelsOmitted,
                         List<String> versions, int versionsOmitted, Instant validFrom, Instant validUntil, int statusIndex,
                         String issuer, String kid) {
    public LabelFacts {
        // Sorted by language tag, so that every display and JSON lists the names in the same order.
        productName = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(productName));
        models = List.copyOf(models);
        versions = List.copyOf(versions);
    }
}
