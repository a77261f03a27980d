package io.iotseal.server.product;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A firmware or software version of a product; issue 4 assesses product versions. {@code gtin}: its
 * barcode in the 14-digit GTIN form, or null (ADR 0080).
 */
public record ProductVersion(UUID id, String version, LocalDate releaseDate, String notes, OffsetDateTime createdAt,
                             String gtin) {
}
