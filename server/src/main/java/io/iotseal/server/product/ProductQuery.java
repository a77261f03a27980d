package io.iotseal.server.product;

import java.util.UUID;

/** Search filters; every one optional. {@code q} matches names (ja/en) and model numbers, any case. */
public record ProductQuery(String q, Category category, UUID vendorId, Boolean inScope) {
}
