package io.iotseal.server.registry;

import io.iotseal.server.product.Category;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A label as the search and the export list it: who, what, which level, valid until when, and its status
 * now. The signed credential is left out (fetch {@code /api/v1/labels/{id}} for it).
 */
record LabelEntry(UUID id, String labelId, String registrationNumber, String scheme, String level, String status,
                  UUID vendorId, String vendorName, UUID productId, String productNameEn, String productNameJa,
                  Category category, List<String> models, List<String> versions, LocalDate issued,
                  LocalDate validUntil, LocalDate supportEnd) {
}
