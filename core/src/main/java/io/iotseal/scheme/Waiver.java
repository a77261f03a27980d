package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;

import java.util.List;

/** Requirements of one catalog that a recognition waives. */
public record Waiver(String catalog, List<String> ids) {
    public Waiver {
        identifier(catalog, "catalog");
        ids = listOrEmpty(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a waiver needs at least one requirement id");
        }
    }
}
