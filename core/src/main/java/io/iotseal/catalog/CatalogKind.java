package io.iotseal.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of document a catalog represents. */
public enum CatalogKind {
    @JsonProperty("standard") STANDARD,
    @JsonProperty("scheme-criteria") SCHEME_CRITERIA,
    @JsonProperty("regulation") REGULATION,
    @JsonProperty("guideline") GUIDELINE
}
