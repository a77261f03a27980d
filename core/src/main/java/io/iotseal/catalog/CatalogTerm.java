package io.iotseal.catalog;

import static io.iotseal.catalog.Checks.required;

/** A numbered condition or a feature code that a catalog's statuses refer to. */
public record CatalogTerm(String id, LocalizedText text) {
    public CatalogTerm {
        required(id, "id");
        required(text, "text");
    }
}
