package io.iotseal.server.lab;

import io.iotseal.server.product.Category;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One accreditation certificate of a test lab (ADR 0063): against which standard, by which body, its
 * number, its scope (one scheme, the levels, and the product categories — empty when the certificate
 * does not limit them) and its validity, both days inclusive.
 */
public record Accreditation(UUID id, UUID labId, AccreditationStandard standard, String accreditingBody,
                            String certificateNumber, String scheme, List<String> levels,
                            List<Category> productCategories, LocalDate validFrom, LocalDate validUntil) {
    public Accreditation {
        levels = List.copyOf(levels);
        productCategories = List.copyOf(productCategories);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** Whether the certificate's scope covers {@code scheme:level} for a product of {@code category}. */
    public boolean covers(String scheme, String level, Category category) {
        return this.scheme.equals(scheme) && levels.contains(level)
                && (productCategories.isEmpty() || productCategories.contains(category));
    }
}
