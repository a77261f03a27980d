package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import java.time.LocalDate;
import java.util.List;

/**
 * A route variant of a self-declared level: from {@code effective} on, an approved lab reviews the
 * vendor's declaration before the scheme operator decides (Singapore CLS levels 1 and 2 since
 * 2025-04-01). The route stays a self-declaration — the vendor declares — with one more party.
 */
public record LabReview(LocalDate effective, Confidence confidence, List<String> sources, LocalizedText note) {
    public LabReview {
        required(effective, "effective");
        required(confidence, "confidence");
        sources = listOrEmpty(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("labReview.sources: name where the lab review comes from");
        }
    }

    /** Whether an assessment started on {@code day} needs the lab's review. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effective);
    }
}
