package io.iotseal.server.product;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A product in a search result: enough to list and pick it, and the public ids of its labels (issue 13). */
public record ProductSummary(UUID id, UUID vendorId, String vendorName, String nameEn, String nameJa,
                             List<String> modelNumbers, Category category, boolean inScope, boolean published,
                             LocalDate supportEndDate, List<String> labelIds) {
}
